package org.borderwatch.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

class LoggingTest {
  @Test
  void thirdPartyChatterIsOffByDefaultAndBackWhenVerbose() {
    String[] quieted = {"dev.ludovic.netlib.blas.InstanceBuilder", "org.apache.pdfbox.pdmodel.font.PDType1Font",
        "org.apache.spark.sql.execution.CacheManager"};
    try {
      for (String name : quieted) {
        assertEquals(Level.ERROR, LogManager.getLogger(name).getLevel(), name + " at the default level");
      }
      Logging.apply("WARN");
      for (String name : quieted) {
        assertEquals(Level.ERROR, LogManager.getLogger(name).getLevel(), name + ": WARN changes nothing");
      }
      Logging.apply("INFO");
      for (String name : quieted) {
        assertEquals(Level.INFO, LogManager.getLogger(name).getLevel(), name + " with --verbose");
      }
      assertEquals(Level.INFO, LogManager.getRootLogger().getLevel());
    } finally {
      Configurator.reconfigure();
    }
  }
}
