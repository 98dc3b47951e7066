package org.borderwatch.simulator.world;

import org.borderwatch.simulator.geo.Country;

/** A bank, mobile-money or remittance-agent account. */
public final class Account {
  /** Kinds of provider. */
  public enum Channel { BANK, MOBILE_MONEY, REMITTANCE_AGENT }

  public final int id;
  public final String number;
  public final int holder;
  public final Channel channel;
  public final String provider;
  public final Country country;
  public final int openedWeek;
  /** Network that uses the account, or -1. */
  public int network = -1;
  /** What the account does for the network: collection, mule, financier, leader, safe-house, or null. */
  public String use;
  /** City on the KYC address. */
  public final String city;
  public final double cityLat;
  public final double cityLon;

  public Account(int id, String number, int holder, Channel channel, String provider, Country country,
      int openedWeek, String city, double cityLat, double cityLon) {
    this.id = id;
    this.number = number;
    this.holder = holder;
    this.channel = channel;
    this.provider = provider;
    this.country = country;
    this.openedWeek = openedWeek;
    this.city = city;
    this.cityLat = cityLat;
    this.cityLon = cityLon;
  }

  public boolean mule() {
    return "mule".equals(use);
  }
}
