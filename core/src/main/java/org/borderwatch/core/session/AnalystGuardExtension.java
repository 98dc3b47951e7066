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
   * Analyst sessions and the tables each may append to, marked when the session is made: a mark is not a
   * setting, so no statement of the analyst's (SET, RESET, a Connect client's config) can lift or widen it.
   */
  private static final Map<SparkSession, List<String>> ANALYSTS = java.util.Collections.synchronizedMap(
      new java.util.WeakHashMap<>());

  /** Marks {@code session} as an analyst's, allowed to append only to {@code writable}. */
  static void markAnalyst(SparkSession session, List<String> writable) {
    ANALYSTS.put(session, List.copyOf(writable));
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

  /** Set on the thread that runs the process's own preparation of a server's catalog. */
  private static final ThreadLocal<Boolean> PREPARING = ThreadLocal.withInitial(() -> false);

  /**
   * Runs {@code work} on this thread with the process's rights, not an analyst's: a server creates its catalog's
   * ops tables this way before it takes connections. Client statements run on other threads.
   */
  static void asProcess(Runnable work) {
    PREPARING.set(true);
    try {
      work.run();
    } finally {
      PREPARING.set(false);
    }
  }

  /** Whether statements of {@code session} are an analyst's, and the tables it may append to (null: not). */
  static List<String> analystWritable(SparkSession session) {
    if (PREPARING.get()) {
      return null;
    }
    String server = session.sparkContext().getConf().get(SparkSessions.ANALYST_CONF, "false");
    if (Boolean.parseBoolean(server)) {
      return SparkSessions.writableTables(session.sparkContext().getConf().get(SparkSessions.WRITABLE_CONF, ""));
    }
    List<String> marked = ANALYSTS.get(session);
    if (marked != null) {
      return marked;
    }
    return Boolean.parseBoolean(session.conf().get(SparkSessions.ANALYST_CONF, "false"))
        ? SparkSessions.writableTables(session) : null;
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
      List<String> writable = analystWritable(session);
      if (writable != null) {
        String path = pathTable(plan);
        if (path != null) {
          throw Errors.readOnly("read files by path (" + path + "): analysts read tables of the catalog", writable);
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
    scala.collection.Iterator<LogicalPlan> it = plan.children().iterator();
    while (it.hasNext()) {
      String found = pathTable(it.next());
      if (found != null) {
        return found;
      }
    }
    return null;
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
            List<String> writable = analystWritable(session);
            if (writable != null) {
              check(plan, writable);
            }
            return BoxedUnit.UNIT;
          }
        };
      }
    });
    return BoxedUnit.UNIT;
  }

  /** Throws when the plan would change the lakehouse. */
  static void check(LogicalPlan plan, List<String> writable) {
    String refusal = refusal(plan, writable);
    if (refusal != null) {
      throw Errors.readOnly(refusal, writable);
    }
  }

  /** Why the plan is refused, or null when it is allowed. */
  static String refusal(LogicalPlan plan, List<String> writable) {
    String name = plan.getClass().getSimpleName();
    String expression = codeIn(plan);
    if (expression != null) {
      return "call " + expression + " (code that runs in the session)";
    }
    if (plan instanceof org.apache.spark.sql.execution.command.CreateViewCommand c) {
      if (c.viewType() == org.apache.spark.sql.catalyst.analysis.PersistedView$.MODULE$) {
        return "create a persistent view";
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
      return toAnalystTable ? null : "write to " + (target == null ? "a table" : target) + " (" + name + ")";
    } else if (isCommand(plan) && !READ_ONLY_COMMANDS.contains(name)) {
      return "run " + name;
    }
    scala.collection.Iterator<LogicalPlan> children = plan.children().iterator();
    while (children.hasNext()) {
      String r = refusal(children.next(), writable);
      if (r != null) {
        return r;
      }
    }
    return null;
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
