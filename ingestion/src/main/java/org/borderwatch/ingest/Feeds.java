package org.borderwatch.ingest;

import java.util.ArrayList;
import java.util.List;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.ingest.border.CheckpointFeeds;
import org.borderwatch.ingest.border.DetectionFeed;
import org.borderwatch.ingest.border.InterdictionFeed;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.finance.KycFeed;
import org.borderwatch.ingest.finance.TransactionFeed;
import org.borderwatch.ingest.police.ArrestFeed;
import org.borderwatch.ingest.police.CaseFeed;
import org.borderwatch.ingest.police.ScreeningFeed;
import org.borderwatch.ingest.social.PostFeed;
import org.borderwatch.ingest.social.ProfileFeed;

/** Every feed borderwatch ingests, by source. */
public final class Feeds {
  public static final List<String> SOURCES = List.of("border", "police", "social", "finance");

  private Feeds() {}

  public static List<Feed> all(BorderwatchConfig config) {
    return all(config.get(ConfigKeys.H3_RESOLUTIONS), config.get(ConfigKeys.ZONE_RESOLUTION));
  }

  public static List<Feed> all(List<Integer> resolutions, int zoneResolution) {
    List<Feed> out = new ArrayList<>(CheckpointFeeds.feeds());
    out.add(new DetectionFeed(resolutions, zoneResolution));
    out.add(new InterdictionFeed(resolutions, zoneResolution));
    out.add(new org.borderwatch.ingest.border.PatrolFeed());
    out.add(new CaseFeed());
    out.add(new ArrestFeed());
    out.add(new ScreeningFeed());
    out.add(new PostFeed(resolutions, zoneResolution));
    out.add(new ProfileFeed());
    out.add(new TransactionFeed());
    out.add(new KycFeed());
    return out;
  }
}
