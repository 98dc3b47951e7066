package org.borderwatch.report.weekly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.borderwatch.report.weekly.ReportData.Deployment;
import org.borderwatch.report.weekly.ReportData.PlanChange;

/**
 * What changed in each base's plan since the week before: a base that sends units to the same zones in the same
 * numbers is "same"; to the same zones in other numbers, "more" or "fewer"; to other zones, "moved"; a base
 * with no units the week before is "new", one with none now "withdrawn". Bases in id order.
 */
final class PlanChanges {
  private PlanChanges() {}

  static List<PlanChange> between(List<Deployment> before, List<Deployment> now) {
    Map<String, List<Deployment>> b = byBase(before), n = byBase(now);
    TreeSet<String> bases = new TreeSet<>(b.keySet());
    bases.addAll(n.keySet());
    List<PlanChange> out = new ArrayList<>();
    for (String base : bases) {
      List<Deployment> was = b.getOrDefault(base, List.of()), is = n.getOrDefault(base, List.of());
      int ub = was.stream().mapToInt(Deployment::units).sum(), un = is.stream().mapToInt(Deployment::units).sum();
      Map<String, Integer> cellsBefore = cells(was), cellsNow = cells(is);
      String kind;
      if (was.isEmpty()) {
        kind = "new";
      } else if (is.isEmpty()) {
        kind = "withdrawn";
      } else if (cellsBefore.equals(cellsNow)) {
        kind = "same";
      } else if (cellsBefore.keySet().equals(cellsNow.keySet())) {
        kind = un > ub ? "more" : un < ub ? "fewer" : "moved";
      } else {
        kind = "moved";
      }
      out.add(new PlanChange(base, kind, ub, un, zones(was), zones(is)));
    }
    return out;
  }

  private static Map<String, List<Deployment>> byBase(List<Deployment> ds) {
    Map<String, List<Deployment>> out = new TreeMap<>();
    ds.forEach(d -> out.computeIfAbsent(d.baseId(), k -> new ArrayList<>()).add(d));
    return out;
  }

  private static Map<String, Integer> cells(List<Deployment> ds) {
    Map<String, Integer> out = new TreeMap<>();
    ds.forEach(d -> out.merge(d.cell(), d.units(), Integer::sum));
    return out;
  }

  /** The zones a base's units go to, as "crossing #rank", best rank first. */
  private static List<String> zones(List<Deployment> ds) {
    return ds.stream().sorted((x, y) -> x.zoneRank() != y.zoneRank() ? Integer.compare(x.zoneRank(), y.zoneRank())
        : x.cell().compareTo(y.cell())).map(d -> d.crossingId() + " #" + d.zoneRank()).toList();
  }
}
