package org.borderwatch.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.time.IsoWeek;
import org.junit.jupiter.api.Test;

/** Every simulator.records key reaches its own field of Realism (the record is built positionally). */
class RealismConfigTest {
  @Test
  void eachKeyReachesItsField() {
    Map<String, Function<Realism, Double>> fields = new LinkedHashMap<>();
    fields.put("patrol-absent", Realism::patrolAbsent);
    fields.put("patrol-unrostered", Realism::patrolUnrostered);
    fields.put("victim-unrecorded", Realism::victimUnrecorded);
    fields.put("victim-false", Realism::victimFalse);
    fields.put("person-omitted", Realism::personOmitted);
    fields.put("role-swapped", Realism::roleSwapped);
    fields.put("role-guess-wrong", Realism::roleGuessWrong);
    fields.put("legit-plate", Realism::legitPlate);
    fields.put("group-crossing", Realism::groupCrossing);
    fields.put("border-pass", Realism::borderPass);
    fields.put("ad-mimicry", Realism::adMimicry);
    fields.put("ad-lure", Realism::adLure);
    fields.put("screening-unasked", Realism::screeningUnasked);
    fields.put("money-structuring", Realism::moneyStructuring);
    List<String> overrides = new ArrayList<>(List.of("simulator.records.unlisted-crossings=false"));
    int i = 1;
    for (String k : fields.keySet()) {
      overrides.add("simulator.records." + k + "=" + (i++ / 100.0)); // 0.01, 0.02, ... one value per key
    }
    BorderwatchConfig c = BorderwatchConfig.load(null, Map.of(), overrides);
    Realism r = SimulateJob.params(c, 1, Scale.TINY, IsoWeek.parse("2025-W01"), 4).realism();
    i = 1;
    for (Map.Entry<String, Function<Realism, Double>> e : fields.entrySet()) {
      assertEquals(i++ / 100.0, e.getValue().apply(r), e.getKey());
    }
    assertEquals(false, r.unlistedCrossings());
  }
}
