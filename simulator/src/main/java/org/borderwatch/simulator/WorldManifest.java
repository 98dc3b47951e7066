package org.borderwatch.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.borderwatch.core.time.IsoWeek;

/** world.json: what a saved world is (seed, scale, start, weeks written), so it can be continued. */
public record WorldManifest(long seed, String scale, String startWeek, int weeks) {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String FILE = org.borderwatch.core.privacy.PseudonymKey.WORLD_MANIFEST;

  public static WorldManifest read(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    if (!Files.exists(f)) {
      return null;
    }
    var n = JSON.readTree(f.toFile());
    return new WorldManifest(n.get("seed").asLong(), n.get("scale").asText(), n.get("start_week").asText(),
        n.get("weeks").asInt());
  }

  public void write(Path dir) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("seed", seed);
    n.put("scale", scale);
    n.put("start_week", startWeek);
    n.put("weeks", weeks);
    n.put("last_week", IsoWeek.parse(startWeek).plus(weeks - 1).toString());
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
  }

  public IsoWeek lastWeek() {
    return IsoWeek.parse(startWeek).plus(weeks - 1);
  }
}
