package org.borderwatch.report.weekly;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.time.IsoWeek;

/**
 * report: the planners' weekly report for a forecast week (default: the latest scored), written as
 * {@code <lakehouse>/reports/<week>/report.html} and {@code report.pdf} (another edition than English:
 * {@code report.LANG.html} and {@code .pdf}). Edition, paper and basemap come from {@code report.*} of the
 * configuration unless given. Both files are replaced whole, so a re-run gives the same report but for its
 * generation time.
 */
public final class ReportJob implements Job {
  private final Clock clock;
  private final String lang;
  private final String paper;
  private Path html;
  private Path pdf;
  private ReportData data;

  public ReportJob() {
    this(Clock.systemUTC());
  }

  public ReportJob(Clock clock) {
    this(clock, null, null);
  }

  /** A report in edition {@code lang} on {@code paper} (null: the configuration's). */
  public ReportJob(Clock clock, String lang, String paper) {
    this.clock = clock;
    this.lang = lang;
    this.paper = paper;
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
    ReportHtml.Options options = options(ctx);
    String page = ReportHtml.render(data, options);
    Path dir = folder(ctx, week);
    Files.createDirectories(dir);
    String name = options.lang().equals("en") ? "report" : "report." + options.lang();
    html = replace(dir.resolve(name + ".html"), tmp -> Files.writeString(tmp, page, StandardCharsets.UTF_8));
    pdf = replace(dir.resolve(name + ".pdf"), tmp -> ReportPdf.write(page, tmp));
    long rows = data.zones().size() + data.deployments().size() + data.routes().size() + data.networks().size()
        + data.keyPersons().size() + data.mules().size() + data.flows().size() + data.victimPlaces().size()
        + data.forecastChecks().size();
    return new JobOutcome(rows, 0, String.format(Locale.ROOT, "%s: report at %s (and %s.pdf)", week, html, name));
  }

  private ReportHtml.Options options(JobContext ctx) {
    String l = lang != null ? lang : ctx.config().get(ConfigKeys.REPORT_LANG);
    Messages.of(l); // a clear error for an edition there is no bundle for
    String p = paper != null ? paper : ctx.config().get(ConfigKeys.REPORT_PAPER);
    if (!ReportHtml.Options.PAPERS.contains(p)) {
      throw Errors.badArgument("--paper", p, "one of " + String.join(", ", ReportHtml.Options.PAPERS));
    }
    return new ReportHtml.Options(l.toLowerCase(Locale.ROOT), p, Basemap.load(ctx.config().get(
        ConfigKeys.REPORT_BASEMAP)));
  }
}
