package org.borderwatch.resolve;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.borderwatch.common.linkage.LinkageSettings;
import org.borderwatch.core.error.Errors;

/**
 * A resolution's settings file (HOCON): the fields compared with their levels and m priors, the blocking rules and
 * the guards; {@code conf/resolution/people.conf} and {@code conf/resolution/lakehouse.conf} are the bundled
 * defaults (docs/entity-resolution.md, "Settings"). Every problem is an error naming the file, the line and the key.
 */
public final class SettingsFile {
  private SettingsFile() {}

  static final Set<String> TOP = Set.of("fields", "blocking", "guards", "target-precision");
  static final Set<String> FIELD_KEYS = Set.of("field", "levels", "m");
  static final Set<String> GUARD_KEYS = Set.of("same-document", "same-document-edits", "dates-conflict",
      "name-or-identifier");

  /** The bundled settings of lists of people (conf/resolution/people.conf). */
  public static LinkageSettings people() {
    return bundled("people.conf");
  }

  /** The bundled settings of the lakehouse (conf/resolution/lakehouse.conf). */
  public static LinkageSettings lakehouse() {
    return bundled("lakehouse.conf");
  }

  static LinkageSettings bundled(String name) {
    String res = "borderwatch/conf/resolution/" + name;
    if (SettingsFile.class.getClassLoader().getResource(res) == null) {
      throw Errors.missingInput("conf/resolution/" + name, "the bundled resolution settings are missing from the jar");
    }
    return parse("conf/resolution/" + name, ConfigFactory.parseResources(SettingsFile.class.getClassLoader(), res,
        ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false)));
  }

  /** The lakehouse's settings: resolve.settings, or the bundled file when it is empty. */
  public static LinkageSettings forLakehouse(org.borderwatch.core.config.BorderwatchConfig config) {
    String file = config.get(org.borderwatch.core.config.ConfigKeys.RESOLVE_SETTINGS);
    return file.isEmpty() ? lakehouse() : read(Path.of(file));
  }

  /** Reads a settings file. */
  public static LinkageSettings read(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw Errors.missingInput("settings file " + file, "give a readable HOCON file (conf/resolution/people.conf "
          + "is an example)");
    }
    Config c;
    try {
      c = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
          .setAllowMissing(false));
    } catch (ConfigException e) {
      throw Errors.badInputFile(file.toString(), e.getMessage());
    }
    return parse(file.toString(), c);
  }

  /** Settings from parsed HOCON ({@code name} names it in errors). */
  static LinkageSettings parse(String name, Config c) {
    for (String k : c.root().keySet()) {
      if (!TOP.contains(k)) {
        throw bad(name, c.root().get(k), k, "unknown key (keys: " + TOP + ")");
      }
    }
    for (String k : List.of("fields", "blocking")) {
      if (!c.hasPath(k)) {
        throw Errors.badInputFile(name, "no '" + k + "' (a settings file lists " + TOP + ")");
      }
    }
    List<LinkageSettings.Compared> fields = new ArrayList<>();
    List<? extends ConfigObject> list;
    try {
      list = c.getObjectList("fields");
    } catch (ConfigException.WrongType e) {
      throw bad(name, c.getValue("fields"), "fields", "a list of objects { field, levels, m }");
    }
    for (int i = 0; i < list.size(); i++) {
      ConfigObject o = list.get(i);
      String key = "fields[" + i + "]";
      for (String k : o.keySet()) {
        if (!FIELD_KEYS.contains(k)) {
          throw bad(name, o.get(k), key + "." + k, "unknown key (keys: " + FIELD_KEYS + ")");
        }
      }
      Config f = o.toConfig();
      try {
        LinkageSettings.Field field = LinkageSettings.Field.of(f.getString("field"));
        List<String> levels = f.getStringList("levels");
        List<Double> m = f.getDoubleList("m");
        fields.add(new LinkageSettings.Compared(field, levels, m.stream().mapToDouble(Double::doubleValue).toArray()));
      } catch (ConfigException e) {
        throw bad(name, o, key, e.getMessage().replaceAll("^[^:]*: \\d+: ", ""));
      } catch (IllegalArgumentException e) {
        throw bad(name, o, key, e.getMessage());
      }
    }
    List<String> blocking;
    try {
      blocking = c.getStringList("blocking");
    } catch (ConfigException e) {
      throw bad(name, c.getValue("blocking"), "blocking", "a list of rule names: "
          + LinkageSettings.KNOWN_RULES);
    }
    for (int i = 0; i < blocking.size(); i++) {
      ConfigValue at = c.getList("blocking").get(i);
      if (!LinkageSettings.KNOWN_RULES.contains(blocking.get(i))) {
        throw bad(name, at, "blocking[" + i + "]", "unknown rule '" + blocking.get(i) + "' (rules: "
            + LinkageSettings.KNOWN_RULES + ")");
      }
      if (blocking.indexOf(blocking.get(i)) < i) {
        throw bad(name, at, "blocking[" + i + "]", "rule '" + blocking.get(i) + "' is listed twice");
      }
    }
    String sameDocument = "exact";
    int sameDocumentEdits = 0;
    boolean dates = false;
    boolean nameOrId = false;
    if (c.hasPath("guards")) {
      ConfigObject g;
      try {
        g = c.getObject("guards");
      } catch (ConfigException.WrongType e) {
        throw bad(name, c.getValue("guards"), "guards", "an object { same-document-edits, same-document, "
            + "dates-conflict, name-or-identifier }");
      }
      for (String k : g.keySet()) {
        if (!GUARD_KEYS.contains(k)) {
          throw bad(name, g.get(k), "guards." + k, "unknown key (keys: " + GUARD_KEYS + ")");
        }
      }
      Config gc = g.toConfig();
      for (String k : g.keySet()) {
        try {
          switch (k) {
            case "same-document" -> sameDocument = gc.getString(k);
            case "same-document-edits" -> sameDocumentEdits = gc.getInt(k);
            case "dates-conflict" -> dates = gc.getBoolean(k);
            default -> nameOrId = gc.getBoolean(k);
          }
        } catch (ConfigException e) {
          throw bad(name, g.get(k), "guards." + k, e.getMessage().replaceAll("^[^:]*: \\d+: ", ""));
        }
      }
      if (sameDocumentEdits < 0 || sameDocumentEdits > 8) {
        throw bad(name, g.get("same-document-edits"), "guards.same-document-edits", "0 (not used) to 8");
      }
      String sd = sameDocument;
      if (!"exact".equals(sd) && fields.stream().noneMatch(f -> f.field() == LinkageSettings.Field.DOCUMENT
          && f.level(sd) > 0)) {
        throw bad(name, g.get("same-document"), "guards.same-document", "'" + sd + "' is not a level the document "
            + "field lists");
      }
    }
    try {
      LinkageSettings s = new LinkageSettings(fields, blocking, "exact".equals(sameDocument) ? null : sameDocument,
          sameDocumentEdits, dates, nameOrId);
      if (c.hasPath("target-precision")) {
        double p;
        try {
          p = c.getDouble("target-precision");
        } catch (ConfigException e) {
          throw bad(name, c.getValue("target-precision"), "target-precision", "a number in [0.5, 1)");
        }
        s = s.withTargetPrecision(p);
      }
      return s;
    } catch (IllegalArgumentException e) {
      throw Errors.badInputFile(name, e.getMessage());
    }
  }

  private static RuntimeException bad(String name, ConfigValue at, String key, String problem) {
    int line = at == null ? -1 : at.origin().lineNumber();
    return Errors.badInputFile(name, (line > 0 ? "line " + line + ": " : "") + key + ": " + problem);
  }
}
