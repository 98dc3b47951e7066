package org.borderwatch.core.session;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.borderwatch.core.error.Errors;
import scala.Function1;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Makes analyst sessions (sql, serve) read-only on the lakehouse. An analysis check rule walks every
 * plan, including plans that arrive over Spark Connect, and refuses any command that is not on the
 * read-only list; the only write allowed is an append to a configured analyst table (alert reviews).
 */
public final class AnalystGuardExtension extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {

  /** Commands that read the catalog or change only the session, never the lakehouse. */
  static final Set<String> READ_ONLY_COMMANDS = Set.of(
      "ShowTables", "ShowTablesCommand", "ShowTableExtended", "ShowNamespaces", "ShowViews", "ShowColumns",
      "ShowColumnsCommand", "ShowCatalogs", "ShowCurrentNamespace", "ShowCurrentNamespaceCommand",
      "ShowFunctions", "ShowFunctionsCommand", "ShowCreateTable", "ShowCreateTableCommand",
      "ShowTableProperties", "ShowTablePropertiesCommand", "ShowPartitions", "ShowPartitionsCommand",
      "DescribeRelation", "DescribeTableCommand", "DescribeColumn", "DescribeColumnCommand",
      "DescribeNamespace", "DescribeDatabaseCommand", "DescribeFunction", "DescribeFunctionCommand",
      "DescribeQueryCommand", "DescribeDeltaDetailCommand", "DescribeDeltaHistory", "DescribeDeltaHistoryCommand",
      "ExplainCommand", "SetCommand", "ResetCommand", "SetCatalogAndNamespace", "SetNamespaceCommand",
      "SetCatalogCommand", "UncacheTable",
      "UncacheTableCommand", "ClearCacheCommand", "RefreshTable", "RefreshTableCommand",
      "DropTempViewCommand", "ShowVariables", "CreateVariable", "DropVariable",
      "SetVariable");

  /** Plan nodes that append rows, when their target is an analyst table. */
  static final Set<String> APPENDS = Set.of("AppendData", "InsertIntoStatement", "InsertIntoHadoopFsRelationCommand",
      "WriteToDeltaCommand");

  /**
   * Analyst sessions and what each may do, marked when the session is made (sql) or when a Connect credential is
   * checked (serve): a mark is not a setting, so no statement of the analyst's (SET, RESET, a Connect client's
   * config) can lift, widen or change it.
   */
  private static final Map<SparkSession, AnalystAccess> ANALYSTS = java.util.Collections.synchronizedMap(
      new java.util.WeakHashMap<>());

  /** Tables each analyst session's allowed plans named since they were last taken (for the audit). */
  private static final Map<SparkSession, Set<String>> READ = java.util.Collections.synchronizedMap(
      new java.util.WeakHashMap<>());

  /**
   * Marks {@code session} as an analyst's with {@code access}. Only code of the process calls this (a session's own
   * statements cannot run code); a session already marked keeps its first mark.
   */
  public static void mark(SparkSession session, AnalystAccess access) {
    ANALYSTS.putIfAbsent(session, access);
  }

  /** The access a session was marked with, or null. */
  public static AnalystAccess markOf(SparkSession session) {
    return ANALYSTS.get(session);
  }

  /** The tables the session's allowed plans named since the last call (sorted; empty when none). */
  public static List<String> takeTablesRead(SparkSession session) {
    Set<String> s = READ.remove(session);
    return s == null ? List.of() : s.stream().sorted().toList();
  }

  /**
   * Functions that run arbitrary code in the session. (Scala and Java UDFs are not on the list: Delta reads its
   * own log with them in every query; a Connect client's own UDF is a limit stated in docs/security.md.)
   */
  static final Set<String> CODE_EXPRESSIONS = Set.of("CallMethodViaReflection", "TryReflect", "PythonUDF",
      "UserDefinedPythonFunction", "HiveSimpleUDF", "HiveGenericUDF", "HiveGenericUDTF", "HiveUDAFFunction");

  /** Data sources a path-named table reads files through (delta.`/path`, text.`/etc/passwd`). */
  static final Set<String> PATH_SOURCES = Set.of("delta", "parquet", "orc", "json", "csv", "text", "avro",
      "binaryfile", "xml", "jdbc", "file", "hive");

  /** Set on the thread that runs work of the process's own (preparing a server's catalog, writing the audit). */
  private static final ThreadLocal<Boolean> PREPARING = ThreadLocal.withInitial(() -> false);

  /**
   * Runs {@code work} on this thread with the process's rights, not an analyst's: a server creates its catalog's
   * ops tables this way before it takes connections, and the audit is written this way. Client statements run on
   * other threads, and no statement can call this.
   */
  public static void asProcess(Runnable work) {
    boolean was = PREPARING.get();
    PREPARING.set(true);
    try {
      work.run();
    } finally {
      PREPARING.set(was);
    }
  }

  /** Spark conf key (SparkContext): the tables the analyst role reads, for analyst sessions without a mark. */
  static final String ANALYST_READS_CONF = "spark.borderwatch.access.analystReads";

  /** What statements of {@code session} may do as an analyst's, or null when they are not an analyst's. */
  static AnalystAccess access(SparkSession session) {
    if (PREPARING.get()) {
      return null;
    }
    AnalystAccess marked = ANALYSTS.get(session);
    if (marked != null) {
      return marked;
    }
    org.apache.spark.SparkConf context = session.sparkContext().getConf();
    List<String> writable = SparkSessions.writableTables(context.get(SparkSessions.WRITABLE_CONF, ""));
    if (Boolean.parseBoolean(context.get(SparkSessions.ANALYST_CONF, "false"))) {
      // a server's session no credential was checked for: it reads no table (fail closed)
      return AnalystAccess.unauthenticated(writable);
    }
    if (Boolean.parseBoolean(session.conf().get(SparkSessions.ANALYST_CONF, "false"))) {
      // a session cloned from a local analyst session keeps the flag in its conf; it gets the analyst role
      return new AnalystAccess(AnalystAccess.ANALYST, System.getProperty("user.name", "unknown"), "sql",
          SparkSessions.writableTables(context.get(ANALYST_READS_CONF, "")), writable);
    }
    return null;
  }

  /**
   * Refuses a table named by a data source and a path (text.`/etc/passwd`, delta.`/lakehouse/x`) while the
   * query is resolved, with the guard's message: analyst sessions run with SQL on files off, and without this
   * the analyst would only read "table not found".
   */
  static final class PathTables extends org.apache.spark.sql.catalyst.rules.Rule<LogicalPlan> {
    private final SparkSession session;

    PathTables(SparkSession session) {
      this.session = session;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
      AnalystAccess access = access(session);
      if (access != null) {
        String path = pathTable(plan);
        if (path != null) {
          throw Errors.readOnly("read files by path (" + path + "): analysts read tables of the catalog",
              access.writable());
        }
      }
      return plan;
    }
  }

  /** The first data-source-and-path table name of an unresolved plan, or null. */
  static String pathTable(LogicalPlan plan) {
    if (plan instanceof org.apache.spark.sql.catalyst.analysis.UnresolvedRelation r) {
      scala.collection.Seq<String> parts = r.multipartIdentifier();
      if (parts.size() == 2 && PATH_SOURCES.contains(parts.apply(0).toLowerCase(Locale.ROOT))
          && (parts.apply(1).contains("/") || parts.apply(1).contains(":") || parts.apply(1).contains("\\"))) {
        return parts.apply(0) + ".`" + parts.apply(1) + "`";
      }
    }
    for (LogicalPlan p : inside(plan)) {
      String found = pathTable(p);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** A plan node's children and the plans of its subqueries (IN, EXISTS, scalar subqueries). */
  static List<LogicalPlan> inside(LogicalPlan plan) {
    List<LogicalPlan> out = new java.util.ArrayList<>();
    plan.children().foreach(c -> out.add(c));
    plan.subqueries().foreach(c -> out.add(c));
    return out;
  }

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectResolutionRule(new AbstractFunction1<SparkSession,
        org.apache.spark.sql.catalyst.rules.Rule<LogicalPlan>>() {
      @Override
      public org.apache.spark.sql.catalyst.rules.Rule<LogicalPlan> apply(SparkSession session) {
        return new PathTables(session);
      }
    });
    extensions.injectCheckRule(new AbstractFunction1<SparkSession, Function1<LogicalPlan, BoxedUnit>>() {
      @Override
      public Function1<LogicalPlan, BoxedUnit> apply(SparkSession session) {
        return new AbstractFunction1<LogicalPlan, BoxedUnit>() {
          @Override
          public BoxedUnit apply(LogicalPlan plan) {
            // a server's flag is in the SparkContext's conf, which a remote client cannot SET or RESET; a local
            // analyst session is marked when it is made; a session cloned from one keeps the flag in its conf;
            // the process's own preparation of a server (asProcess) is not an analyst's
            AnalystAccess access = access(session);
            if (access != null) {
              check(plan, access);
              List<String> tables = tablesIn(plan);
              if (!tables.isEmpty()) {
                READ.computeIfAbsent(session, k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).addAll(tables);
              }
            }
            return BoxedUnit.UNIT;
          }
        };
      }
    });
    return BoxedUnit.UNIT;
  }

  /** Throws when the plan would change the lakehouse, run code, or read a table the role may not read. */
  static void check(LogicalPlan plan, AnalystAccess access) {
    String refusal = refusal(plan, access);
    if (refusal != null) {
      throw Errors.readOnly(refusal, access.writable());
    }
  }

  /** Why the plan is refused, or null when it is allowed. */
  static String refusal(LogicalPlan plan, AnalystAccess access) {
    List<String> writable = access.writable();
    String name = plan.getClass().getSimpleName();
    String expression = codeIn(plan);
    if (expression != null) {
      return "call " + expression + " (code that runs in the session)";
    }
    if (plan instanceof org.apache.spark.sql.execution.command.CreateViewCommand c) {
      if (c.viewType() == org.apache.spark.sql.catalyst.analysis.PersistedView$.MODULE$) {
        return "create a persistent view";
      }
      if (c.viewType() == org.apache.spark.sql.catalyst.analysis.GlobalTempView$.MODULE$) {
        return "create a global temporary view (shared with the process's other sessions)";
      }
    } else if (plan instanceof org.apache.spark.sql.execution.command.SetCommand c) {
      if (c.kv().isDefined() && guarded(c.kv().get()._1())) {
        return "change " + c.kv().get()._1() + " (the session's restrictions are not settings)";
      }
    } else if (plan instanceof org.apache.spark.sql.execution.command.ResetCommand c) {
      if (c.config().isEmpty() || guarded(c.config().get())) {
        return "reset the session's configuration (the session's restrictions are not settings)";
      }
    } else if (plan instanceof org.apache.spark.sql.execution.datasources.LogicalRelation r) {
      if (r.catalogTable().isEmpty() && !deltaLogRead(r.relation())) {
        return "read files by path (" + r.relation().getClass().getSimpleName() + "): analysts read tables of the "
            + "catalog";
      }
    } else if (plan instanceof org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation r) {
      if (r.identifier().isDefined() && r.identifier().get().namespace().length == 1
          && PATH_SOURCES.contains(r.identifier().get().namespace()[0].toLowerCase(Locale.ROOT))) {
        return "read " + r.identifier().get().namespace()[0] + " files by path: analysts read tables of the catalog";
      }
    } else if (APPENDS.contains(name)) {
      String target = targetTable(plan);
      boolean toAnalystTable = target != null && writable.stream()
          .anyMatch(t -> target.equals(t.toLowerCase(Locale.ROOT)) || target.endsWith("." + t.toLowerCase(Locale.ROOT)));
      if (!toAnalystTable) {
        return "write to " + (target == null ? "a table" : target) + " (" + name + ")";
      }
    } else if (isCommand(plan) && !READ_ONLY_COMMANDS.contains(name)) {
      return "run " + name;
    }
    // then what the node reads, then what its children and subqueries do
    String table = APPENDS.contains(name) ? null : tableOf(plan);
    if (table != null && !access.mayRead(table)) {
      return "read " + table + ", which the " + access.role() + " role may not read (it reads "
          + (access.reads().isEmpty() ? "no table" : String.join(", ", access.reads())) + ")";
    }
    for (LogicalPlan p : inside(plan)) {
      String r = refusal(p, access);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /** The catalog tables and persistent views a plan names (db.table, lower case, sorted, distinct). */
  public static List<String> tablesIn(LogicalPlan plan) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    collectTables(plan, out);
    return List.copyOf(out);
  }

  private static void collectTables(LogicalPlan plan, java.util.Set<String> out) {
    String t = tableOf(plan);
    if (t != null) {
      out.add(t);
    }
    for (LogicalPlan p : inside(plan)) {
      collectTables(p, out);
    }
  }

  /** The catalog table or persistent view this plan node reads or names (db.table, lower case), or null. */
  static String tableOf(LogicalPlan plan) {
    if (plan instanceof org.apache.spark.sql.execution.datasources.LogicalRelation r) {
      return r.catalogTable().isDefined() ? name(r.catalogTable().get().identifier()) : null;
    }
    if (plan instanceof org.apache.spark.sql.catalyst.catalog.HiveTableRelation h) {
      return name(h.tableMeta().identifier());
    }
    if (plan instanceof org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation r) {
      if (r.identifier().isDefined() && r.identifier().get().namespace().length == 1
          && !PATH_SOURCES.contains(r.identifier().get().namespace()[0].toLowerCase(Locale.ROOT))) {
        return name(r.identifier().get().namespace()[0], r.identifier().get().name());
      }
      return null;
    }
    if (plan instanceof org.apache.spark.sql.catalyst.plans.logical.View v) {
      return v.isTempView() ? null : name(v.desc().identifier());
    }
    if (plan instanceof org.apache.spark.sql.catalyst.analysis.ResolvedTable t) {
      return t.identifier().namespace().length == 1 ? name(t.identifier().namespace()[0], t.identifier().name()) : null;
    }
    if (plan instanceof org.apache.spark.sql.catalyst.analysis.ResolvedPersistentView v) {
      return v.identifier().namespace().length == 1 ? name(v.identifier().namespace()[0], v.identifier().name()) : null;
    }
    // commands that name a table in a field rather than a child: DESCRIBE, SHOW CREATE TABLE, DESCRIBE HISTORY...
    scala.collection.Iterator<Object> fields = plan.productIterator();
    while (fields.hasNext()) {
      Object f = fields.next();
      if (f instanceof org.apache.spark.sql.catalyst.TableIdentifier id && id.database().isDefined()
          && !id.database().get().equalsIgnoreCase("global_temp")) {
        return name(id); // (a name without a database is a temporary view's: resolved tables are qualified)
      }
      if (f instanceof org.apache.spark.sql.delta.catalog.DeltaTableV2 t) {
        return t.catalogTable().isDefined() ? name(t.catalogTable().get().identifier())
            : "delta.`" + t.path() + "`"; // a table by path: no role reads it
      }
    }
    return null;
  }

  private static String name(org.apache.spark.sql.catalyst.TableIdentifier id) {
    return name(id.database().isDefined() ? id.database().get() : "default", id.table());
  }

  private static String name(String database, String table) {
    return (database + "." + table).toLowerCase(Locale.ROOT);
  }

  /** Settings an analyst may not change: the session's restrictions, and SQL on files (off for analysts). */
  static boolean guarded(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    return k.startsWith("spark.borderwatch.") || k.equals("spark.sql.runsqlonfiles");
  }

  /**
   * Delta reading its own log (_delta_log JSON and checkpoints) in the session, as it does for every query of
   * a Delta table: files under a {@code _delta_log} folder only.
   */
  private static boolean deltaLogRead(org.apache.spark.sql.sources.BaseRelation relation) {
    if (!(relation instanceof org.apache.spark.sql.execution.datasources.HadoopFsRelation fs)) {
      return false;
    }
    scala.collection.Iterator<org.apache.hadoop.fs.Path> it = fs.location().rootPaths().iterator();
    boolean any = false;
    while (it.hasNext()) {
      org.apache.hadoop.fs.Path p = it.next();
      any = true;
      boolean inLog = false;
      for (org.apache.hadoop.fs.Path q = p; q != null; q = q.getParent()) {
        if (q.getName().equals("_delta_log")) {
          inLog = true;
          break;
        }
      }
      if (!inLog) {
        return false;
      }
    }
    return any;
  }

  /** The first expression of this plan node that runs arbitrary code, or null. */
  static String codeIn(LogicalPlan plan) {
    return codeIn(plan.expressions());
  }

  private static String codeIn(scala.collection.Seq<org.apache.spark.sql.catalyst.expressions.Expression> es) {
    scala.collection.Iterator<org.apache.spark.sql.catalyst.expressions.Expression> it = es.iterator();
    while (it.hasNext()) {
      org.apache.spark.sql.catalyst.expressions.Expression e = it.next();
      String found = CODE_EXPRESSIONS.contains(e.getClass().getSimpleName()) ? e.prettyName() : codeIn(e.children());
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The table an append writes to, as lower-case catalog.db.table text, or null when unknown. */
  static String targetTable(LogicalPlan plan) {
    String text = null;
    if (plan instanceof org.apache.spark.sql.catalyst.plans.logical.AppendData a) {
      text = a.table().name();
    } else if (plan instanceof org.apache.spark.sql.execution.datasources.InsertIntoHadoopFsRelationCommand c
        && c.catalogTable().isDefined() && c.mode() == org.apache.spark.sql.SaveMode.Append) {
      text = c.catalogTable().get().identifier().unquotedString();
    }
    return text == null ? null : text.replace("`", "").toLowerCase(Locale.ROOT);
  }

  private static boolean isCommand(LogicalPlan plan) {
    return plan instanceof org.apache.spark.sql.catalyst.plans.logical.Command
        || plan instanceof org.apache.spark.sql.catalyst.plans.logical.V2WriteCommand
        || plan.getClass().getSimpleName().endsWith("Command")
        || plan.getClass().getName().contains(".commands.");
  }
}
