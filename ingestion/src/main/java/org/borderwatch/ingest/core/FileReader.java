package org.borderwatch.ingest.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Reads a whole landing file on an executor: java.nio for local files (Hadoop's local file system forks a
 * process per file to read permissions when native libraries are missing), Hadoop's FileSystem for
 * HDFS, S3 and the rest, with the driver's Hadoop configuration shipped along.
 */
public final class FileReader implements Serializable {
  private final Map<String, String> hadoopConf = new HashMap<>();

  public FileReader(Configuration conf) {
    for (Map.Entry<String, String> e : conf) {
      hadoopConf.put(e.getKey(), e.getValue());
    }
  }

  public static boolean local(String uri) {
    return uri.startsWith("file:") || uri.startsWith("/");
  }

  public byte[] read(String uri) {
    try {
      if (local(uri)) {
        return Files.readAllBytes(uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri));
      }
      Configuration conf = new Configuration(false);
      hadoopConf.forEach(conf::set);
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
      FileSystem fs = p.getFileSystem(conf);
      try (InputStream in = fs.open(p)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + uri, e);
    }
  }
}
