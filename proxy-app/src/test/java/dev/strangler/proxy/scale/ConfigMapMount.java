package dev.strangler.proxy.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A directory laid out as the kubelet lays out a ConfigMap volume: each version of the data in a
 * hidden directory of its own, a {@code ..data} symlink to the current one, and the key as a
 * symlink through {@code ..data}. An update writes the new directory first, then swaps {@code
 * ..data} with one atomic rename, so every reader sees either the old file or the new one, and then
 * deletes the old directory.
 */
final class ConfigMapMount {

  private final Path dir;
  private final String key;
  private int revision;

  private ConfigMapMount(Path dir, String key) {
    this.dir = dir;
    this.key = key;
  }

  /** Creates the mount in {@code dir} (which must not exist) with {@code key} holding content. */
  static ConfigMapMount create(Path dir, String key, String content) throws IOException {
    Files.createDirectory(dir);
    ConfigMapMount mount = new ConfigMapMount(dir, key);
    mount.update(content);
    Files.createSymbolicLink(dir.resolve(key), Path.of("..data", key));
    return mount;
  }

  /** The path a pod is told to read, e.g. {@code /etc/strangler/rules/routes.yaml}. */
  Path file() {
    return dir.resolve(key);
  }

  /** Publishes a new version of the key, as the kubelet does on its next sync. */
  void update(String content) throws IOException {
    revision++;
    Path data = Files.createDirectory(dir.resolve("..rev" + revision));
    Files.writeString(data.resolve(key), content);
    Path link = Files.createSymbolicLink(dir.resolve("..data_tmp"), data.getFileName());
    Files.move(
        link,
        dir.resolve("..data"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    if (revision > 1) {
      Path old = dir.resolve("..rev" + (revision - 1));
      Files.delete(old.resolve(key));
      Files.delete(old);
    }
  }
}
