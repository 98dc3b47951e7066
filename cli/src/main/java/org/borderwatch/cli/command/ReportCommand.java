package org.borderwatch.cli.command;

import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.report.deploy.DeploymentJob;
import org.borderwatch.report.weekly.ReportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", description = "Allocate patrol units and write the weekly planners' report (HTML and PDF).")
public final class ReportCommand extends BaseCommand {
  @Option(names = "--week", paramLabel = "YYYY-Www",
      description = "Week to plan for (default: the latest scored week, i.e. the week after the data)")
  String week;

  @Option(names = "--no-deploy", description = "Report the stored deployment recommendations without allocating again")
  boolean noDeploy;

  @Option(names = "--lang", paramLabel = "LANG",
      description = "Edition: en or th (default: report.lang of the configuration); th writes report.th.html and .pdf")
  String lang;

  @Option(names = "--paper", paramLabel = "SIZE", description = "Paper of the PDF: A4 or Letter (default: report.paper)")
  String paper;

  @Override
  public Integer call() {
    IsoWeek w = week == null ? null : IsoWeek.parse(week);
    if (!noDeploy) {
      out().println(runJob(new DeploymentJob(), w).summary());
    }
    out().println(runJob(new ReportJob(java.time.Clock.systemUTC(), lang, paper), w).summary());
    out().flush();
    return 0;
  }
}
