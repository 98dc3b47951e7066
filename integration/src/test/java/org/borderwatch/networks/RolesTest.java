package org.borderwatch.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.borderwatch.testing.FreshLakehouse;
import org.junit.jupiter.api.Test;

/** Role inference on hand-built members: each behaviour gives its role; no evidence gives "member". */
@FreshLakehouse
class RolesTest {
  @Test
  void behaviourDecidesTheRole(SparkSession spark) {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("network", DataTypes.LongType);
    String[] f = {"posts", "crossings", "crew_trips", "suspect_cases", "named_cases", "in_usd", "out_usd", "payers",
        "payees", "betweenness_pct", "mule_score"};
    for (String c : f) {
      schema = schema.add(c, DataTypes.DoubleType);
    }
    List<Row> rows = List.of(
        // posts, crossings, crew, suspect, named, in, out, payers, payees, btw pct, mule
        row("per:recruiter", 6, 1, 0, 0, 0, 0, 0, 0, 0, 0.2, 0),
        row("per:transporter", 0, 10, 3, 1, 1, 0, 0, 0, 0, 0.5, 0),
        row("per:financier", 0, 0, 0, 0, 0, 50000, 20000, 3, 2, 0.6, 0.1),
        row("per:leader", 0, 0, 0, 0, 2, 30000, 0, 1, 0, 0.7, 0),
        row("per:coordinator", 0, 0, 0, 1, 3, 0, 0, 0, 0, 0.9, 0),
        row("per:mule", 0, 0, 0, 0, 0, 20000, 19000, 2, 1, 0.3, 0.8),
        row("per:member", 0, 0, 0, 1, 0, 0, 0, 0, 0, 0.1, 0));
    spark.createDataFrame(rows, schema).createOrReplaceTempView("bw_net_person");
    Map<String, String> roles = new HashMap<>();
    Map<String, Double> confidence = new java.util.TreeMap<>();
    for (Row r : spark.sql(NetworkSql.ROLES).select("id", "role", "confidence").collectAsList()) {
      roles.put(r.getString(0), r.getString(1));
      confidence.put(r.getString(0), Math.round(r.getDouble(2) * 1e4) / 1e4);
    }
    // the role's share of the member's evidence, worked out from the rows above
    assertEquals(Map.of("per:coordinator", 0.76, "per:financier", 0.8721, "per:leader", 0.651, "per:member", 1.0,
        "per:mule", 0.6, "per:recruiter", 0.9041, "per:transporter", 0.8707), confidence);
    Map<String, String> want = new HashMap<>();
    for (Row r : rows) {
      want.put(r.getString(0), r.getString(0).substring(4));
    }
    assertEquals(want, roles);
  }

  static Row row(String id, double... v) {
    Object[] o = new Object[v.length + 2];
    o[0] = id;
    o[1] = 1L;
    for (int i = 0; i < v.length; i++) {
      o[i + 2] = v[i];
    }
    return RowFactory.create(o);
  }
}
