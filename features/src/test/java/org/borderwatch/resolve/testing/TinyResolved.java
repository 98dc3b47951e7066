package org.borderwatch.resolve.testing;

import java.nio.file.Path;
import java.util.List;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.testing.LakehouseSnapshot;
import org.borderwatch.core.testing.SharedSpark;
import org.borderwatch.ingest.testing.TinyWorld;
import org.borderwatch.resolve.ResolveJob;

/**
 * The tiny world ingested and resolved, for stages that start from resolved persons (networks, victims).
 * Saved by {@code ResolveJobTest} right after its first resolution and restored in later modules; built
 * here when no snapshot is there.
 */
public final class TinyResolved {
  public static final String NAME = "tiny-world-resolved";
  public static final List<String> MODULES = List.of("core", "simulator", "ingestion", "features");
  private static boolean ready;

  private TinyResolved() {}

  public static synchronized Path ensure() throws Exception {
    if (!ready) {
      Path world = LakehouseSnapshot.ensure(NAME, MODULES, () -> {
        Path w = TinyWorld.ensure();
        new ResolveJob().run(JobContext.of(SharedSpark.session(), SharedSpark.config(), null, "test",
            Progress.silent()));
        return w;
      });
      TinyWorld.adopt(world);
      ready = true;
    }
    return TinyWorld.ensure();
  }
}
