package org.borderwatch.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What ops.job_runs records of a command line: a secret given with --conf never. */
class ArgumentsTest {
  @Test
  void secretValuesAreNotRecorded() {
    assertEquals("--conf privacy.pseudonym-key=(secret) --conf compute.shuffle-partitions=1 pipeline --week 2026-W10",
        BaseCommand.redacted(List.of("--conf", "privacy.pseudonym-key=a-real-secret-from-the-vault", "--conf",
            "compute.shuffle-partitions=1", "pipeline", "--week", "2026-W10")));
  }
}
