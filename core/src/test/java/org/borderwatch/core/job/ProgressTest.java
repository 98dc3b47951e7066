package org.borderwatch.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A counted stage prints how far it is and the time left at the pace so far, at most every 15 s. */
class ProgressTest {
  @Test
  void countedStepsPrintThePaceAndTheTimeLeftNoMoreThanEveryFifteenSeconds() {
    AtomicLong now = new AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, now::get);
    Progress.Stage st = p.stage("train");
    Progress.Counter c = st.counter(10, "fits");
    now.set(5_000_000_000L);
    c.step(); // 5 s: too soon for a line
    now.set(16_000_000_000L);
    c.step(); // 16 s, 2 of 10: 8 s a step, 64 s left
    now.set(20_000_000_000L);
    c.step(); // 4 s after the last line: none
    c.addTotal(90);
    now.set(40_000_000_000L);
    c.step(); // 40 s, 4 of 100: 10 s a step, 960 s = 16 min left
    for (int i = 0; i < 96; i++) {
      now.addAndGet(20_000_000_000L);
      c.step(); // the last step prints nothing: the stage's done line follows
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    String[] lines = out.split("\n");
    assertEquals("  … train", lines[0]);
    assertEquals("  … train: 2 of 10 fits, about 64 s left", lines[1]);
    assertEquals("  … train: 4 of 100 fits, about 16 min left", lines[2]);
    assertEquals(1 + 2 + 95, lines.length, out);
    assertEquals(100, c.done());
    assertEquals("  … x: 0 of 3 files, time left unknown", Progress.line("x", 0, 3, "files", 12));
    assertEquals("  … x: 2 of 3 files, about 1 s left", Progress.line("x", 2, 3, "files", 0.2));
    // a silent display prints nothing however long it takes
    ByteArrayOutputStream none = new ByteArrayOutputStream();
    Progress q = new Progress(new PrintStream(none, true, StandardCharsets.UTF_8), false, now::get);
    Progress.Counter d = q.stage("y").counter(5, "steps");
    now.addAndGet(100_000_000_000L);
    d.step();
    assertEquals("", none.toString(StandardCharsets.UTF_8));
  }
}
