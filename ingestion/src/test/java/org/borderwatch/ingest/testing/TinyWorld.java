package org.borderwatch.ingest.testing;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.testing.LakehouseSnapshot;
import org.borderwatch.core.testing.SharedSpark;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.ingest.IngestJob;
import org.borderwatch.simulator.Scale;
import org.borderwatch.simulator.SimulateJob;

/**
 * A tiny simulated world, simulated and ingested once per test JVM into the shared test lakehouse, for
 * the stages downstream of ingestion (resolution, networks, features, models, reports). Within one
 * build it is made once and restored in later modules' JVMs (see {@link LakehouseSnapshot}).
 */
public final class TinyWorld {
  public static final int WEEKS = 20;
  public static final long SEED = 7;
  private static Path dir;

  private TinyWorld() {}

  /** The world folder (landing/ and truth/), ingested into the shared lakehouse. */
  public static synchronized Path ensure() throws Exception {
    if (dir == null) {
      dir = LakehouseSnapshot.ensure("tiny-world", List.of("core", "simulator", "ingestion"), () -> {
        SparkSession spark = SharedSpark.session();
        BorderwatchConfig config = SharedSpark.config();
        Path d = SharedSpark.root().resolve("tiny-world");
        JobContext ctx = JobContext.of(spark, config, null, "test", Progress.silent());
        new SimulateJob(Scale.TINY, SEED, IsoWeek.parse("2025-W01"), WEEKS, d, null, null).run(ctx);
        new IngestJob(d.resolve("landing").toString(), null).run(ctx);
        return d;
      });
    }
    return dir;
  }

  /** Takes a restored copy of the world (a snapshot that includes the tiny world's tables) as the world. */
  public static synchronized void adopt(Path world) {
    dir = world;
  }

  public static String truth() throws Exception {
    return ensure().resolve("truth").toString();
  }
}
