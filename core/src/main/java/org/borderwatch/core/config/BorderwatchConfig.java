package org.borderwatch.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.borderwatch.core.error.Errors;

/**
 * Validated configuration. Built once at start-up from a HOCON file (conf/local.conf by default),
 * then environment variables, then --conf overrides; any unknown key or bad value fails fast with one line.
 */
public final class BorderwatchConfig {
  /** Classpath copy of conf/local.conf, bundled in the jar for spark-submit. */
  public static final String BUILT_IN = "borderwatch/conf/local.conf";
  /** Environment variables with the BORDERWATCH_ prefix that are not configuration keys. */
  public static final Set<String> RESERVED_ENV = Set.of("BORDERWATCH_HOME", "BORDERWATCH_CONFIG",
      "BORDERWATCH_JAVA_OPTS", "BORDERWATCH_MASTER", "BORDERWATCH_SKIP_BUILD", "BORDERWATCH_MVN_OPTS");

  private final Map<String, Object> values;
  private final Map<String, String> sparkConf;
  private final String source;

  private BorderwatchConfig(Map<String, Object> values, Map<String, String> sparkConf, String source) {
    this.values = values;
    this.sparkConf = sparkConf;
    this.source = source;
  }

  /**
   * Loads and validates configuration.
   *
   * @param file a HOCON file, or null for the built-in default
   * @param env the process environment (passed in so tests can set it)
   * @param overrides key=value pairs from --conf, in order
   */
  public static BorderwatchConfig load(Path file, Map<String, String> env, List<String> overrides) {
    Config parsed;
    String origin;
    Map<String, String> substitutable = new HashMap<>();
    if (env != null) {
      env.forEach((k, v) -> {
        if (k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          substitutable.put(k, v);
        }
      });
    }
    Config envConfig = ConfigFactory.parseMap(substitutable, "environment");
    try {
      if (file != null) {
        origin = file.toString();
        if (!Files.isReadable(file)) {
          throw Errors.unreadableConfig(origin, "no such readable file");
        }
        parsed = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      } else {
        origin = "built-in " + BUILT_IN;
        parsed = ConfigFactory.parseResources(BorderwatchConfig.class.getClassLoader(), BUILT_IN,
            ConfigParseOptions.defaults().setAllowMissing(false));
      }
      // Substitutions such as ${?BORDERWATCH_HOME} see the given environment only, then the environment's
      // own entries are dropped again so that only the file's keys remain.
      Set<String> fileRoots = parsed.root().keySet();
      Config resolved = parsed.withFallback(envConfig).resolve(ConfigResolveOptions.noSystem());
      for (String k : resolved.root().keySet()) {
        if (!fileRoots.contains(k)) {
          resolved = resolved.withoutPath(ConfigUtil.joinPath(k));
        }
      }
      parsed = resolved;
    } catch (ConfigException e) {
      throw Errors.unreadableConfig(file == null ? BUILT_IN : file.toString(), e.getMessage());
    }

    Map<String, ConfigKey<?>> known = new LinkedHashMap<>();
    for (ConfigKey<?> k : ConfigKeys.all()) {
      known.put(k.name(), k);
    }
    Map<String, Object> raw = new HashMap<>();
    Map<String, String> origins = new HashMap<>();
    Map<String, String> spark = new TreeMap<>();

    for (Map.Entry<String, ConfigValue> e : parsed.entrySet()) {
      String key = e.getKey().replace("\"", "");
      Object value = e.getValue().unwrapped();
      put(known, raw, origins, spark, key, value, origin);
    }
    if (env != null) {
      Map<String, ConfigKey<?>> byEnv = known.values().stream()
          .collect(Collectors.toMap(ConfigKey::envName, k -> k));
      for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
        String name = e.getKey();
        if (!name.startsWith("BORDERWATCH_") || RESERVED_ENV.contains(name)) {
          continue;
        }
        ConfigKey<?> key = byEnv.get(name);
        if (key == null) {
          throw Errors.unknownConfigKey(name, e.getValue(), "the environment",
              byEnv.keySet().stream().sorted().collect(Collectors.toList()));
        }
        put(known, raw, origins, spark, key.name(), e.getValue(), "environment variable " + name);
      }
    }
    if (overrides != null) {
      for (String kv : overrides) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
          throw Errors.badArgument("--conf", kv, "key=value, for example compute.shuffle-partitions=4");
        }
        put(known, raw, origins, spark, kv.substring(0, eq).trim(), kv.substring(eq + 1), "--conf");
      }
    }

    Map<String, Object> values = new LinkedHashMap<>();
    for (ConfigKey<?> k : known.values()) {
      if (!raw.containsKey(k.name())) {
        throw Errors.missingConfigKey(k.name(), k.allowed());
      }
      Object parsedValue = k.parse(raw.get(k.name()));
      if (parsedValue == null) {
        String shown = k.secret() ? "(secret)" : String.valueOf(raw.get(k.name()));
        throw Errors.badConfigValue(k.name(), shown, origins.get(k.name()), k.allowed());
      }
      values.put(k.name(), parsedValue);
    }
    BorderwatchConfig cfg = new BorderwatchConfig(Collections.unmodifiableMap(values),
        Collections.unmodifiableMap(spark), origin);
    cfg.crossCheck();
    return cfg;
  }

  private static void put(Map<String, ConfigKey<?>> known, Map<String, Object> raw, Map<String, String> origins,
      Map<String, String> spark, String key, Object value, String origin) {
    if (key.startsWith("spark.")) {
      spark.put(key, String.valueOf(value));
      return;
    }
    if (!known.containsKey(key)) {
      throw Errors.unknownConfigKey(key, String.valueOf(value), origin, known.keySet());
    }
    raw.put(key, value);
    origins.put(key, origin);
  }

  /** Rules that involve more than one key. */
  private void crossCheck() {
    if (!get(ConfigKeys.H3_RESOLUTIONS).contains(get(ConfigKeys.ZONE_RESOLUTION))) {
      throw Errors.badConfigValue(ConfigKeys.ZONE_RESOLUTION.name(), String.valueOf(get(ConfigKeys.ZONE_RESOLUTION)),
          source, "one of grid.h3-resolutions " + get(ConfigKeys.H3_RESOLUTIONS));
    }
    String root = get(ConfigKeys.LAKEHOUSE_ROOT);
    boolean remoteRoot = root.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !root.startsWith("file:");
    if (remoteRoot && get(ConfigKeys.METASTORE_URI).isEmpty()) {
      throw Errors.badConfigValue(ConfigKeys.METASTORE_URI.name(), "", source,
          "a thrift:// URI, because lakehouse.root '" + root
              + "' is not local and the embedded Derby metastore only works on a local path");
    }
  }

  @SuppressWarnings("unchecked")
  public <T> T get(ConfigKey<T> key) {
    Object v = values.get(key.name());
    if (v == null) {
      throw new IllegalArgumentException("unknown key " + key.name());
    }
    return (T) v;
  }

  /** spark.* entries handed to Spark unchanged. */
  public Map<String, String> sparkConf() {
    return sparkConf;
  }

  /** Where the base file came from. */
  public String source() {
    return source;
  }

  /** A copy with extra --conf style overrides applied on top, validated again. */
  public BorderwatchConfig with(Map<String, Object> overrides) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    Map<String, String> spark = new TreeMap<>(sparkConf);
    for (Map.Entry<String, Object> e : overrides.entrySet()) {
      if (e.getKey().startsWith("spark.")) {
        spark.put(e.getKey(), String.valueOf(e.getValue()));
        continue;
      }
      ConfigKey<?> key = ConfigKeys.all().stream().filter(k -> k.name().equals(e.getKey())).findFirst()
          .orElseThrow(() -> Errors.unknownConfigKey(e.getKey(), String.valueOf(e.getValue()), "code",
              ConfigKeys.all().stream().map(ConfigKey::name).collect(Collectors.toList())));
      Object parsedValue = key.parse(e.getValue());
      if (parsedValue == null) {
        throw Errors.badConfigValue(key.name(), String.valueOf(e.getValue()), "code", key.allowed());
      }
      copy.put(key.name(), parsedValue);
    }
    BorderwatchConfig cfg = new BorderwatchConfig(Collections.unmodifiableMap(copy),
        Collections.unmodifiableMap(spark), source);
    cfg.crossCheck();
    return cfg;
  }

  /** Every key with its value (secrets masked), for `--verbose` and run records. */
  public Map<String, String> describe() {
    Map<String, String> out = new TreeMap<>();
    for (ConfigKey<?> k : ConfigKeys.all()) {
      out.put(k.name(), k.secret() ? "(secret)" : String.valueOf(values.get(k.name())));
    }
    return out;
  }
}
