package org.borderwatch.core.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * Keyed pseudonyms for identifiers in gold tables: HMAC-SHA256 over kind and value, so the same person
 * gets the same token in every table and run, and nobody without the key can reverse or recompute it.
 */
public final class Pseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  /** SQL function registered on sessions: bw_pseudonym(kind, value). */
  public static final String SQL_FUNCTION = "bw_pseudonym";
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private final byte[] key;

  public Pseudonymizer(String key) {
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  /** A token such as PER-7K3QD2M9XA4B: a kind prefix and 60 bits of the keyed hash in Crockford base32. */
  public String token(String kind, String value) {
    if (value == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] h = mac.doFinal((kind + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits = (bits << 8) | (h[i] & 0xff);
      }
      StringBuilder sb = new StringBuilder(kind.toUpperCase(Locale.ROOT)).append('-');
      for (int i = 0; i < 12; i++) {
        sb.append(ALPHABET[(int) ((bits >>> (64 - 5 * (i + 1))) & 31)]);
      }
      return sb.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Registers bw_pseudonym(kind, value) on the session. */
  public void register(SparkSession spark) {
    Pseudonymizer self = this;
    spark.udf().register(SQL_FUNCTION, (UDF2<String, String, String>) self::token, DataTypes.StringType);
  }
}
