package org.borderwatch.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class with hand-built tables: the shared lakehouse is emptied before it, so that it sees only its own
 * rows whatever ran before it in the JVM (see {@link SharedSpark#resetLakehouse()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedSpark.class)
@ExtendWith(FreshLakehouse.Reset.class)
public @interface FreshLakehouse {
  /** Empties the lakehouse before the class's own set-up. */
  final class Reset implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      SharedSpark.resetLakehouse();
    }
  }
}
