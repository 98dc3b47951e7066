package org.borderwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.report.weekly.Chromium;
import org.borderwatch.report.weekly.ReportData;
import org.borderwatch.report.weekly.ReportHtml;
import org.borderwatch.report.weekly.ReportJob;
import org.borderwatch.report.weekly.ReportQueries;
import org.borderwatch.report.weekly.ReportRenderTest;
import org.borderwatch.testing.ChainOrder;
import org.borderwatch.testing.SharedSpark;
import org.borderwatch.testing.SparkTest;
import org.borderwatch.testing.TinyChain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The demo world (the tiny simulated world through the whole pipeline) published: the pipeline's deployment and
 * weekly report for the forecast week, the report drawn again (the same bytes), rendered in Chromium; and every
 * SQL cell of the analysts' notebooks run against it.
 */
@SparkTest
@Order(ChainOrder.REPORT)
class DemoWorldTest {
  static final Path NOTEBOOKS = Files.isDirectory(Path.of(System.getProperty("borderwatch.repo", ".."), "notebooks"))
      ? Path.of(System.getProperty("borderwatch.repo", ".."), "notebooks") : Path.of("..", "notebooks");
  static final Pattern SQL = Pattern.compile("spark\\.sql\\(\"\"\"(.*?)\"\"\"\\)", Pattern.DOTALL);

  record Cell(String notebook, int index, String sql, boolean mayBeEmpty, long rows, String error) {}

  /** What the pipeline's report shows, read again from the lakehouse; and the files it wrote. */
  static ReportData data;
  static Path html;
  static Path pdfFile;
  static final List<Cell> cells = new ArrayList<>();
  static final Map<String, Long> NOTEBOOK_ROWS = notebookRows();

  static Map<String, Long> notebookRows() {
    Map<String, Long> m = new java.util.TreeMap<>();
    long[][] r = {{5, 4}, {7, 0}, {9, 4}, {11, 10}};
    for (long[] x : r) {
      m.put("model-performance.ipynb#" + x[0], x[1]);
    }
    for (long[] x : new long[][] {{5, 4}, {7, 10}, {9, 9}, {11, 3}}) {
      m.put("money-flow-tracing.ipynb#" + x[0], x[1]);
    }
    for (long[] x : new long[][] {{5, 3}, {7, 20}, {9, 27}, {11, 8}, {13, 8}}) {
      m.put("network-investigation.ipynb#" + x[0], x[1]);
    }
    for (long[] x : new long[][] {{5, 10}, {7, 16}, {9, 17}, {11, 12}, {12, 15}}) {
      m.put("victim-protection-overview.ipynb#" + x[0], x[1]);
    }
    for (long[] x : new long[][] {{5, 20}, {7, 48}, {9, 31}, {11, 48}}) {
      m.put("weekly-hotspot-review.ipynb#" + x[0], x[1]);
    }
    return m;
  }
  static final Map<String, Integer> cellsPerNotebook = new LinkedHashMap<>();

  @BeforeAll
  static void publish(SparkSession spark) throws Exception {
    TinyChain.ensure();
    IsoWeek week = IsoWeek.parse(TinyChain.latestWeek("gold.zone_risk_weekly"));
    Path dir = SharedSpark.root().resolve("lakehouse/reports/" + week);
    html = dir.resolve("report.html");
    pdfFile = dir.resolve("report.pdf");
    data = new ReportQueries(spark, TinyChain.config()).read(week, java.time.Instant.now());

    // the notebooks' queries run as an analyst's would (over serve): an analyst session, with its role's reads
    SparkSession analyst = org.borderwatch.core.session.SparkSessions.build(TinyChain.config(), "notebooks",
        org.borderwatch.core.session.SparkSessions.Mode.ANALYST);
    ObjectMapper json = new ObjectMapper();
    List<Path> books;
    try (Stream<Path> s = Files.list(NOTEBOOKS)) {
      books = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    for (Path book : books) {
      JsonNode nb = json.readTree(book.toFile());
      int n = 0;
      int index = 0;
      for (JsonNode cell : nb.path("cells")) {
        index++;
        List<String> tags = new ArrayList<>();
        cell.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
        if (!tags.contains("sql")) {
          continue;
        }
        StringBuilder src = new StringBuilder();
        cell.path("source").forEach(l -> src.append(l.asText()));
        Matcher m = SQL.matcher(src);
        assertTrue(m.find(), book.getFileName() + " cell " + index + " tagged sql has no spark.sql(\"\"\"...\"\"\")");
        n++;
        long rows = -1;
        String error = null;
        try {
          rows = analyst.sql(m.group(1)).count();
        } catch (Exception e) {
          error = e.getMessage();
        }
        cells.add(new Cell(book.getFileName().toString(), index, m.group(1), tags.contains("may-be-empty"), rows,
            error));
      }
      cellsPerNotebook.put(book.getFileName().toString(), n);
    }
  }

  @Test
  void everyNotebookSqlCellRunsAndFindsRows() {
    assertEquals(List.of("model-performance.ipynb", "money-flow-tracing.ipynb", "network-investigation.ipynb",
        "victim-protection-overview.ipynb", "weekly-hotspot-review.ipynb"), new ArrayList<>(cellsPerNotebook.keySet()));
    Map<String, Long> rows = new java.util.TreeMap<>();
    for (Cell c : cells) {
      String where = c.notebook() + " cell " + c.index() + ":\n" + c.sql();
      assertEquals(null, c.error(), where);
      rows.put(c.notebook() + "#" + c.index(), c.rows());
    }
    // the rows each cell finds in the demo world (cell 7 of model-performance checks stored forecasts against the
    // weeks that followed: none has an outcome yet in a world scored once, and it is tagged may-be-empty)
    assertEquals(NOTEBOOK_ROWS, rows);
    assertTrue(cells.stream().filter(c -> c.rows() == 0).allMatch(Cell::mayBeEmpty), "an empty cell not tagged may-be-empty");
  }

  @Test
  void reportOfTheDemoWorldHasEverySectionFilledAndRendersInChromium(SparkSession spark) throws Exception {
    ReportData d = data;
    // the report shows the gold tables' rows, not a sample of them
    assertEquals(spark.sql("select rank, person_key, network_id, role from gold.key_individuals where week = '"
        + d.dataWeek() + "' order by rank limit 10").collectAsList().stream()
        .map(r -> r.getInt(0) + " " + r.getString(1) + " " + r.getString(2) + " " + r.getString(3)).toList(),
        d.keyPersons().stream().map(k -> k.rank() + " " + k.personKey() + " " + k.networkId() + " " + k.role())
            .toList());
    assertEquals(spark.sql("select base_id, cell, units from gold.deployment_recommendations where week = '"
        + d.week() + "' order by zone_rank, base_id").collectAsList().stream()
        .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getInt(2)).toList(),
        d.deployments().stream().map(x -> x.baseId() + " " + x.cell() + " " + x.units()).toList());
    long alerts = spark.sql("select count(*) from gold.victim_alerts where week = '" + d.dataWeek() + "'")
        .first().getLong(0);
    // the summary counts every alert of the week, however many places the table lists
    assertEquals(alerts, d.summary().victimAlertsIdentified() + d.summary().victimAlertsSuspected());
    // every section, with the tiny world's rows: zones, deployments, routes, networks, key persons, mules, flows,
    // victims' places, validation lines
    assertEquals(List.of(39, 31, 12, 3, 10, 8, 4, 10, 4), List.of(d.zones().size(), d.deployments().size(),
        d.routes().size(), d.networks().size(), d.keyPersons().size(), d.mules().size(), d.flows().size(),
        d.victimPlaces().size(), d.validation().size()));
    assertEquals(List.of(323, 34, 34, 3, 3, 55, 179), List.of(d.summary().zonesScored(), d.summary().unitsDeployed(),
        d.summary().unitsAvailable(), d.summary().networks(), d.summary().newNetworks(),
        d.summary().victimAlertsIdentified(), d.summary().victimAlertsSuspected()));
    assertEquals(1.1776, d.summary().expectedInterdictions(), 0.0005);
    assertEquals(0.9987, d.summary().naiveInterdictions(), 0.0005);
    for (String job : List.of("ingest", "resolve", "victims", "networks", "features", "train", "score", "deploy")) {
      assertTrue(d.freshness().stream().anyMatch(f -> f.what().equals("job " + job)), "freshness of job " + job);
    }
    assertEquals(d.summary().unitsDeployed(), d.deployments().stream().mapToInt(ReportData.Deployment::units).sum());
    Path out = Path.of("target", "report-render");
    Files.createDirectories(out);
    Path png = out.resolve("demo-report.png");
    var r = Chromium.screenshot(html, png, 1000, 1600);
    assertEquals(List.of(), r.console(), r.log());
    assertTrue(ReportRenderTest.inked(javax.imageio.ImageIO.read(png.toFile())) > 0.02);
    try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      for (String heading : ReportHtml.headings("en")) {
        assertTrue(text.contains(heading), heading);
      }
      // table cells may break a key at its hyphen
      assertTrue(text.replace(" ", "").contains(d.keyPersons().get(0).personKey()), d.keyPersons().get(0).personKey());
      // the planners' part is two pages, the annex after them
      ReportRenderTest.assertPlannerPartIsTwoPages(pdf, "en");
    }
    // the map is on the area's basemap: coast, national and province borders
    String page = Files.readString(html);
    for (String cls : List.of("coast", "border", "province")) {
      assertTrue(page.contains("<path class=\"" + cls + "\""), cls);
    }
    // the Thai edition of the same report: two planner pages in the PDF, and Chromium prints its Thai without
    // an empty box
    ReportJob th = new ReportJob(java.time.Clock.systemUTC(), "th", "A4");
    th.run(org.borderwatch.core.job.JobContext.of(spark, TinyChain.config(), null, "report",
        org.borderwatch.core.job.Progress.silent()));
    assertEquals("report.th.pdf", th.pdf().getFileName().toString());
    try (PDDocument pdf = Loader.loadPDF(th.pdf().toFile())) {
      ReportRenderTest.assertPlannerPartIsTwoPages(pdf, "th");
    }
    Chromium.Render printed = Chromium.printToPdf(th.html(), out.resolve("demo-report-th-chromium.pdf"));
    assertEquals(List.of(), printed.console(), printed.log());
    try (PDDocument pdf = Loader.loadPDF(printed.screenshot().toFile())) {
      assertTrue(ReportRenderTest.assertNoEmptyBoxes(pdf, 0) > 200, "Thai on page 1");
    }
  }
}
