package org.borderwatch.simulator.dump;

import java.util.ArrayList;
import java.util.List;
import org.borderwatch.simulator.Rng;
import org.borderwatch.simulator.SimulationParams;
import org.borderwatch.simulator.names.NameVariants;
import org.borderwatch.simulator.names.NameVariants.Style;
import org.borderwatch.simulator.world.Events;
import org.borderwatch.simulator.world.Indicators;
import org.borderwatch.simulator.world.Person;
import org.borderwatch.simulator.world.World;

/** Free-text narratives of case files and screening notes, as officers write them. */
final class Narratives {
  private Narratives() {}

  /** Phrases an interviewer writes when an indicator is present, per ILO indicator. */
  static final String[][] INDICATOR_PHRASES = {
      {"came from a poor family and had no other choice", "is undocumented and afraid of the police"},
      {"was promised a factory job but was sent elsewhere", "the job was not what was advertised",
          "was told the work would be in a restaurant"},
      {"was not allowed to leave the compound", "was locked in the dormitory at night", "could not go out alone"},
      {"had no contact with family for months", "phone was taken away"},
      {"was beaten by the supervisor", "reported physical abuse"},
      {"was threatened with arrest if she complained", "was told the family would be harmed"},
      {"passport was taken by the employer", "documents were kept by the agent", "ID card held by the broker"},
      {"was not paid for three months", "wages were withheld", "salary was never paid"},
      {"owed a large debt for the journey", "had to repay the recruitment fee from wages",
          "debt kept increasing"},
      {"slept on the floor with 20 others", "had little food", "unsafe working conditions"},
      {"worked 16 hours a day", "no day off", "forced to work overtime"}};

  static String caseNarrative(Events.Case c, World w, SimulationParams params, Rng rng) {
    List<String> s = new ArrayList<>();
    List<String> suspects = new ArrayList<>();
    List<Person> victims = new ArrayList<>();
    for (Events.CasePerson cp : c.persons()) {
      Person p = w.persons.get(cp.person());
      if (cp.role().equals("suspect")) {
        suspects.add(NameVariants.render(p.name, Style.POLICE, params.nameNoise(), rng).full());
      } else if (cp.role().equals("victim")) {
        victims.add(p);
      }
    }
    switch (c.offence()) {
      case "forced_labour" -> s.add("Raid at a workplace in " + c.place() + ". " + victims.size()
          + " workers rescued.");
      default -> {
        if (c.trip() != null) {
          s.add("Group of " + (c.persons().size() - suspects.size()) + " intercepted near " + c.place() + ".");
        } else {
          s.add("Investigation into a network operating through " + c.place() + ".");
        }
      }
    }
    if (!suspects.isEmpty()) {
      s.add("Suspect" + (suspects.size() > 1 ? "s " : " ") + String.join(", ", suspects) + " "
          + rng.pick("detained", "identified", "questioned") + ".");
    }
    if (!c.vehicles().isEmpty()) {
      s.add("Vehicle " + c.vehicles().get(0) + " seized.");
    }
    if (!c.phones().isEmpty() && rng.chance(0.7)) {
      s.add("Numbers found on the seized phone were logged.");
    }
    if (!c.accounts().isEmpty()) {
      s.add("Payments to " + c.accounts().size() + " account(s) under review.");
    }
    for (Person v : victims) {
      if (rng.chance(0.5)) {
        List<String> said = new ArrayList<>();
        for (int i = 0; i < Indicators.NAMES.size(); i++) {
          if (Indicators.has(v.indicators, i) && rng.chance(0.5)) {
            said.add(rng.pick(INDICATOR_PHRASES[i]));
          }
        }
        if (!said.isEmpty()) {
          s.add(NameVariants.render(v.name, Style.POLICE, params.nameNoise(), rng).full() + " stated that she/he "
              + String.join("; ", said) + ".");
        }
      }
    }
    return String.join(" ", s);
  }

  static String screeningNote(Person p, Events.Screening s, Rng rng) {
    List<String> said = new ArrayList<>();
    for (int i = 0; i < Indicators.NAMES.size(); i++) {
      if (Indicators.has(s.observed(), i) && rng.chance(0.4)) {
        said.add(rng.pick(INDICATOR_PHRASES[i]));
      }
    }
    if (said.isEmpty()) {
      return rng.pick("", "cooperative", "interpreter used", "wants to go home");
    }
    return String.join("; ", said);
  }
}
