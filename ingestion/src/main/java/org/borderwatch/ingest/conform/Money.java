package org.borderwatch.ingest.conform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** ISO 4217 currencies of the region, their time zones, and USD values from the dated rate table in conf/. */
public final class Money {
  /** Currencies transactions may carry. */
  public static final List<String> CURRENCIES = List.of("MMK", "LAK", "KHR", "VND", "THB", "MYR", "IDR", "BDT",
      "USD", "USDT");
  private static final Map<String, String> ZONES = Map.of("MMK", "Asia/Yangon", "LAK", "Asia/Vientiane",
      "KHR", "Asia/Phnom_Penh", "VND", "Asia/Ho_Chi_Minh", "THB", "Asia/Bangkok", "MYR", "Asia/Kuala_Lumpur",
      "IDR", "Asia/Jakarta", "BDT", "Asia/Dhaka", "USD", "UTC", "USDT", "UTC");
  /** currency → month (yyyy-MM) → USD per unit */
  private static final Map<String, TreeMap<String, Double>> RATES = load();

  private Money() {}

  /** The zone a sender's local time is in, from the currency of the sending account. */
  public static ZoneId zone(String currency) {
    return ZoneId.of(ZONES.getOrDefault(currency, "UTC"));
  }

  private static Map<String, TreeMap<String, Double>> load() {
    Map<String, TreeMap<String, Double>> m = new HashMap<>();
    try (InputStream in = Money.class.getClassLoader().getResourceAsStream("borderwatch/conf/fx-rates.csv")) {
      if (in == null) {
        throw new IllegalStateException("conf/fx-rates.csv is not on the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.startsWith("month") || line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        m.computeIfAbsent(f[1].strip(), k -> new TreeMap<>()).put(f[0].strip(), Double.parseDouble(f[2].strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  /** USD value at the rate of the transaction's month (or the latest earlier month); null when none is known. */
  public static Double usd(double amount, String currency, LocalDate day) {
    TreeMap<String, Double> byMonth = RATES.get(currency);
    if (byMonth == null) {
      return null;
    }
    var e = byMonth.floorEntry(day.toString().substring(0, 7));
    return e == null ? null : Math.round(amount * e.getValue() * 100) / 100.0;
  }
}
