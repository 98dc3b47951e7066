package org.borderwatch.core.session;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The process's log level. At the default (WARN) the third-party loggers that log4j2.properties quiets stay at
 * ERROR; at INFO or finer ({@code --verbose}, or log.level) every logger follows the level, those included, so
 * that nothing is hidden from someone who asked to see it.
 */
public final class Logging {
  private Logging() {}

  public static void apply(String level) {
    Level l = Level.toLevel(level, Level.WARN);
    if (l.isLessSpecificThan(Level.INFO)) {
      Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, l);
    }
  }
}
