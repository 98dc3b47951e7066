package org.borderwatch.testing;

import org.junit.jupiter.api.Order;

/**
 * Class order in the integration JVM (junit-platform.properties selects ordering by {@link Order}): the tests with
 * small hand-built inputs carry no order and run first; then the tiny world's chain, in pipeline order.
 */
public final class ChainOrder {
  public static final int PIPELINE = Order.DEFAULT + 1;
  public static final int VICTIMS = Order.DEFAULT + 2;
  public static final int NETWORKS = Order.DEFAULT + 3;
  public static final int FEATURES = Order.DEFAULT + 4;
  public static final int MODELS = Order.DEFAULT + 5;
  public static final int REPORT = Order.DEFAULT + 6;
  /** Last: it adds one mention and resolves again, which no later stage should see. */
  public static final int RESOLVE = Order.DEFAULT + 7;
  /** After everything: it erases a person of the tiny world. */
  public static final int ERASE = Order.DEFAULT + 8;

  private ChainOrder() {}
}
