package org.borderwatch.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import org.borderwatch.core.catalog.TableId;
import org.borderwatch.core.catalog.Tables;
import org.junit.jupiter.api.Test;

class OpsCatalogTest {
  @Test
  void everyOpsTableOfTheCatalogIsCreatedUpFront() {
    assertEquals(Tables.all().stream().filter(t -> t.layer() == TableId.Layer.OPS).map(TableId::fullName).sorted().toList(),
        OpsCatalog.SPECS.stream().map(s -> s.fullName()).sorted(Comparator.naturalOrder()).toList());
  }
}
