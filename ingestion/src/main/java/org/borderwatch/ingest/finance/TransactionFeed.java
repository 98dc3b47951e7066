package org.borderwatch.ingest.finance;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.borderwatch.ingest.core.FieldSpec.optional;
import static org.borderwatch.ingest.core.FieldSpec.required;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Row;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.ingest.conform.Money;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.core.FeedContract;
import org.borderwatch.ingest.core.FeedContract.Format;
import org.borderwatch.ingest.core.FieldSpec;
import org.borderwatch.ingest.core.FieldType;
import org.borderwatch.ingest.core.Provenance;
import org.borderwatch.ingest.core.Raw;
import org.borderwatch.ingest.core.SilverRow;

/** Money transfers from banks, mobile-money wallets and remittance agents. */
public final class TransactionFeed implements Feed {
  public static final FeedContract CONTRACT = FeedContract.of("transactions", "finance", "finance/transactions",
      ".csv.gz", Format.CSV, '|', null, false,
      "Local time of the sending account's country, which its currency identifies (THB → Asia/Bangkok, "
          + "MYR → Asia/Kuala_Lumpur, VND → Asia/Ho_Chi_Minh, KHR → Asia/Phnom_Penh, LAK → Asia/Vientiane, "
          + "MMK → Asia/Yangon, IDR → Asia/Jakarta, BDT → Asia/Dhaka, USD/USDT → UTC)",
      List.of(
          required("tx_id", FieldType.STRING, "Transaction id", "TX3MW81C0ZP7QD"),
          required("ts", FieldType.TIMESTAMP, "Date and time", "20250210170849", "yyyyMMddHHmmss"),
          required("from_account", FieldType.STRING, "Sending account", "MMONEY-W7508082923"),
          required("to_account", FieldType.STRING, "Receiving account", "MMONEY-W3959732999"),
          required("amount", FieldType.DECIMAL, "Amount in the sender's currency", "23702217"),
          new FieldSpec("currency", List.of(), FieldType.ENUM, true, Money.CURRENCIES, "ISO 4217 currency code",
              "LAK"),
          optional("channel", FieldType.ENUM, "bank, mobile_money or remittance_agent", "mobile_money", "bank",
              "mobile_money", "remittance_agent"),
          optional("reference", FieldType.STRING, "Payment reference as typed", "for daughter")),
      List.of(), List.of("tx_id"), Tables.BRONZE_TRANSACTIONS,
      "Transfers reported by banks, mobile-money providers and registered remittance agents");

  public static final TableSpec SPEC = Provenance.add(TableSpec.of(Tables.SILVER_TRANSACTIONS)
      .col("tx_id", StringType, false, "Transaction id")
      .col("ts", TimestampType, "When, UTC")
      .col("week", StringType, "ISO week of ts")
      .col("from_account", StringType, "Sending account")
      .col("to_account", StringType, "Receiving account")
      .col("amount", DoubleType, "Amount in the sender's currency")
      .col("currency", StringType, "ISO 4217")
      .col("amount_usd", DoubleType, "USD value at the month's reference rate (conf/fx-rates.csv)")
      .col("channel", StringType, "bank, mobile_money or remittance_agent")
      .col("reference", StringType, "Payment reference"))
      .key("tx_id")
      .build();

  @Override
  public FeedContract contract() {
    return CONTRACT;
  }

  @Override
  public List<Output> outputs() {
    return List.of(new Output(SPEC, r -> {
      String cur = r.get("currency");
      Instant at = r.instant("ts", Money.zone(cur));
      double amount = r.decimal("amount");
      return List.of(SilverRow.of(SPEC).from(r).set("tx_id", r.get("tx_id")).set("ts", at)
          .set("week", IsoWeek.of(at.atZone(ZoneOffset.UTC).toLocalDate()).toString())
          .set("from_account", r.get("from_account")).set("to_account", r.get("to_account")).set("amount", amount)
          .set("currency", cur).set("amount_usd", Money.usd(amount, cur, at.atZone(ZoneOffset.UTC).toLocalDate()))
          .set("channel", r.get("channel")).set("reference", r.get("reference")).build());
    }));
  }

  @Override
  public List<Row> mentions(Raw r) {
    return List.of();
  }
}
