package io.iamlocal.server.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database file that lost its content is damage, never a reason to start empty over what is left.
 */
class DamagedStoreTest {

  @Test
  void anEmptyDatabaseBesideTheLockFileOfAnEarlierRunIsRefused(@TempDir Path dir) throws Exception {
    JournalStore.open(dir, "123456789012").close();
    Files.write(dir.resolve(JournalStore.DB_FILE), new byte[0]);
    assertThatThrownBy(() -> JournalStore.open(dir, "123456789012"))
        .isInstanceOf(DataStoreException.class)
        .hasMessageContaining("is damaged");
  }

  @Test
  void anEmptyDatabaseBesideAWriteAheadLogIsRefused(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve(JournalStore.DB_FILE), new byte[0]);
    Files.write(dir.resolve(JournalStore.DB_FILE + "-wal"), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> JournalStore.open(dir, "123456789012"))
        .isInstanceOf(DataStoreException.class)
        .hasMessageContaining("write-ahead log");
  }

  @Test
  void aNewDirectoryAndADeletedDatabaseStartEmpty(@TempDir Path dir) throws Exception {
    try (JournalStore store = JournalStore.open(dir.resolve("new"), "123456789012")) {
      assertThat(store.isFresh()).isTrue();
    }
    Files.delete(dir.resolve("new").resolve(JournalStore.DB_FILE));
    Files.deleteIfExists(dir.resolve("new").resolve(JournalStore.DB_FILE + "-wal"));
    try (JournalStore store = JournalStore.open(dir.resolve("new"), "123456789012")) {
      assertThat(store.isFresh()).isTrue();
    }
  }
}
