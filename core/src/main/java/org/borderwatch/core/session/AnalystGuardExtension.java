package org.borderwatch.core.session;

import java.util.List;
import java.util.Locale;
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
      "SetCatalogCommand", "CacheTable", "CacheTableCommand", "CacheTableAsSelect", "UncacheTable",
      "UncacheTableCommand", "ClearCacheCommand", "RefreshTable", "RefreshTableCommand",
      "CreateTempViewUsing", "DropTempViewCommand", "ShowVariables", "CreateVariable", "DropVariable",
      "SetVariable", "AnalyzeTablesCommand");

  /** Plan nodes that append rows, when their target is an analyst table. */
  static final Set<String> APPENDS = Set.of("AppendData", "InsertIntoStatement", "InsertIntoHadoopFsRelationCommand",
      "WriteToDeltaCommand");

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

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectCheckRule(new AbstractFunction1<SparkSession, Function1<LogicalPlan, BoxedUnit>>() {
      @Override
      public Function1<LogicalPlan, BoxedUnit> apply(SparkSession session) {
        return new AbstractFunction1<LogicalPlan, BoxedUnit>() {
          @Override
          public BoxedUnit apply(LogicalPlan plan) {
            if (PREPARING.get()) {
              return BoxedUnit.UNIT; // the process's own preparation (see asProcess), never a client's statement
            }
            // a server's flag is in the SparkContext's conf, which a remote client cannot SET or RESET
            String server = session.sparkContext().getConf().get(SparkSessions.ANALYST_CONF, "false");
            if (Boolean.parseBoolean(server)) {
              check(plan, SparkSessions.writableTables(
                  session.sparkContext().getConf().get(SparkSessions.WRITABLE_CONF, "")));
            } else if (Boolean.parseBoolean(session.conf().get(SparkSessions.ANALYST_CONF, "false"))) {
              check(plan, SparkSessions.writableTables(session));
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
    if (name.equals("CreateViewCommand")) {
      String text = plan.toString().toLowerCase(Locale.ROOT);
      if (!text.contains("localtempview") && !text.contains("globaltempview")) {
        return "create a persistent view";
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
