package org.borderwatch.simulator.geo;

import java.time.ZoneId;

/** Countries of the simulated region, with ISO codes, phone prefix, currency and the zone agencies use. */
public enum Country {
  MMR("MM", "Myanmar", "95", "MMK", "Asia/Yangon", 2100.0, 10_000_000),
  LAO("LA", "Laos", "856", "LAK", "Asia/Vientiane", 21500.0, 80_000_000),
  KHM("KH", "Cambodia", "855", "KHR", "Asia/Phnom_Penh", 4050.0, 40_000_000),
  VNM("VN", "Vietnam", "84", "VND", "Asia/Ho_Chi_Minh", 25300.0, 300_000_000),
  THA("TH", "Thailand", "66", "THB", "Asia/Bangkok", 34.0, 300_000),
  MYS("MY", "Malaysia", "60", "MYR", "Asia/Kuala_Lumpur", 4.5, 25_000),
  IDN("ID", "Indonesia", "62", "IDR", "Asia/Jakarta", 16000.0, 100_000_000),
  BGD("BD", "Bangladesh", "880", "BDT", "Asia/Dhaka", 120.0, 1_000_000);

  private final String alpha2;
  private final String label;
  private final String callingCode;
  private final String currency;
  private final ZoneId zone;
  private final double perUsd;
  private final long reportingThreshold;

  Country(String alpha2, String label, String callingCode, String currency, String zone, double perUsd,
      long reportingThreshold) {
    this.alpha2 = alpha2;
    this.label = label;
    this.callingCode = callingCode;
    this.currency = currency;
    this.zone = ZoneId.of(zone);
    this.perUsd = perUsd;
    this.reportingThreshold = reportingThreshold;
  }

  public String alpha3() {
    return name();
  }

  public String alpha2() {
    return alpha2;
  }

  public String label() {
    return label;
  }

  public String callingCode() {
    return callingCode;
  }

  public String currency() {
    return currency;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Units of the local currency per US dollar (approximate, for generating amounts). */
  public double perUsd() {
    return perUsd;
  }

  /** Amount in local currency above which a transfer is reported to the financial intelligence unit. */
  public long reportingThreshold() {
    return reportingThreshold;
  }
}
