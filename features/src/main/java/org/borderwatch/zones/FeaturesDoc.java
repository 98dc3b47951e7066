package org.borderwatch.zones;

import java.util.Map;

/** Writes docs/features.md from the feature definitions in code, so the page cannot drift from them. */
public final class FeaturesDoc {
  private FeaturesDoc() {}

  public static String render() {
    StringBuilder b = new StringBuilder();
    b.append("# Features\n\n")
        .append("`borderwatch features [--week W]` writes `silver.zone_features` (one row per forecast zone and week)\n")
        .append("and `silver.corridor_features` (one row per corridor and week). This page is generated from the\n")
        .append("definitions in `features/src/main/java/org/borderwatch/zones/ZoneFeatures.java` by `FeaturesDocTest`\n")
        .append("(run with `BORDERWATCH_GENERATE_DOCS=1` to rewrite it).\n\n")
        .append("## Zones\n\n")
        .append("A forecast zone is an H3 cell at `grid.zone-resolution` (default **6**: about 36 km², 3.7 km edge)\n")
        .append("within `zones.ring` rings (default 4, about 25 km) of a crossing in `conf/crossings.csv`. Resolution 6\n")
        .append("matches what a planner can act on and what the data can support: one patrol unit covers a few\n")
        .append("kilometres of border a day, about one cell; irregular crossings spread 5-20 km along a segment, so\n")
        .append("a segment spans several cells and the forecast can say which part of it. Resolution 5 (253 km²)\n")
        .append("is larger than a unit can watch; resolution 7 (5 km²) leaves most cells without a single\n")
        .append("detection in a year, too sparse to learn from. Zones come from public geography only, never from\n")
        .append("where events were seen.\n\n")
        .append("A corridor is origin country > crossing or border segment > destination country (the crossing's\n")
        .append("two countries in `conf/crossings.csv`, in the direction smuggling runs).\n\n")
        .append("## No look-ahead\n\n")
        .append("Week W's features use only what was known before W started:\n\n")
        .append("- every window ends at W-1;\n")
        .append("- a record counts from the later of its own week and the week of the file that delivered it, so\n")
        .append("  a detection exported three weeks late enters the features three weeks late, as it would have in\n")
        .append("  operations (the file week is read from the landing file name);\n")
        .append("- the only same-week input is the patrol roster for W (`silver.patrol_deployments`), issued before\n")
        .append("  W starts;\n")
        .append("- labels (`y_*`) are W's own events; they never feed a feature.\n\n")
        .append("`ZoneFeaturesTest.featuresOfAWeekIgnoreDataFromThatWeekOn` changes every record from week W on and\n")
        .append("checks that week W's features do not move.\n\n")
        .append("Not yet in the features: network activity (the networks stage is not built) and money flowing into\n")
        .append("an area (transfers carry no location; account KYC gives a country only).\n\n")
        .append("## Zone-week features (`silver.zone_features`)\n\n| feature | definition |\n|---|---|\n");
    for (Map.Entry<String, String> e : ZoneFeatures.DEFINITIONS.entrySet()) {
      b.append("| `").append(e.getKey()).append("` | ").append(e.getValue()).append(" |\n");
    }
    b.append("\nLabels: `y_det` (detections in the zone in W), `y_det_persons`, `y_int` (interdictions); null for a\n")
        .append("week without data yet (`has_outcome` false), such as the week being forecast.\n\n")
        .append("## Corridor-week features (`silver.corridor_features`)\n\n| feature | definition |\n|---|---|\n");
    for (Map.Entry<String, String> e : ZoneFeatures.CORRIDOR_DEFINITIONS.entrySet()) {
      b.append("| `").append(e.getKey()).append("` | ").append(e.getValue()).append(" |\n");
    }
    b.append("\nLabels: `y_volume` (people seen in detections at the crossing in W), `y_groups` (detections).\n\n")
        .append("## Patrol effort\n\n")
        .append("`units_w` and `st_units_w` are detection effort. The zone and corridor models learn how detections\n")
        .append("depend on them, and rank at a standard effort (see [models.md](models.md)); `units_l4` and\n")
        .append("`st_units_l4` are what smugglers saw recently, which pushes them to neighbouring segments\n")
        .append("(displacement), and stay as they were.\n");
    return b.toString();
  }
}
