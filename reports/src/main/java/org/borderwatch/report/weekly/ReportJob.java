package org.borderwatch.report.weekly;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.time.IsoWeek;

/**
 * report: the planners' weekly report for a forecast week (default: the latest scored), written as
 * {@code <lakehouse>/reports/<week>/report.html} and {@code report.pdf}. Both files are replaced whole, so a
 * re-run gives the same report but for its generation time.
 */
public final class ReportJob implements Job {
  private final Clock clock;
  private Path html;
  private Path pdf;
  private ReportData data;

  public ReportJob() {
    this(Clock.systemUTC());
  }

  public ReportJob(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "report";
  }

  public Path html() {
    return html;
  }

  public Path pdf() {
    return pdf;
  }

  public ReportData data() {
    return data;
  }

  /** The folder a week's report is written to. */
  public static Path folder(JobContext ctx, IsoWeek week) {
    return Path.of(java.net.URI.create(toUri(ctx.paths().reports()))).resolve(week.toString());
  }

  interface Writer {
    void write(Path to) throws java.io.IOException;
  }

  /** Writes beside {@code target}, then moves over it in one step: a reader never sees half a report. */
  private static Path replace(Path target, Writer writer) throws java.io.IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    writer.write(tmp);
    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  private static String toUri(String p) {
    return p.startsWith("file:") ? p : Path.of(p).toAbsolutePath().toUri().toString();
  }

  @Override
  public JobOutcome run(JobContext ctx) throws Exception {
    ReportQueries q = new ReportQueries(ctx.spark(), ctx.config());
    IsoWeek week = ctx.weekOpt().orElseGet(q::latestForecastWeek);
    data = q.read(week, clock.instant());
    String page = ReportHtml.render(data);
    Path dir = folder(ctx, week);
    Files.createDirectories(dir);
    html = replace(dir.resolve("report.html"), tmp -> Files.writeString(tmp, page, StandardCharsets.UTF_8));
    pdf = replace(dir.resolve("report.pdf"), tmp -> ReportPdf.write(page, tmp));
    long rows = data.zones().size() + data.deployments().size() + data.routes().size() + data.networks().size()
        + data.keyPersons().size() + data.mules().size() + data.flows().size() + data.victimPlaces().size()
        + data.forecastChecks().size();
    return new JobOutcome(rows, 0, String.format(Locale.ROOT, "%s: report at %s (and report.pdf)", week, html));
  }
}
