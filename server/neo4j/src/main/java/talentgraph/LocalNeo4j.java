package talentgraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts Neo4j Community embedded with a Bolt connector on loopback, for server/neo4j/local-neo4j.ts.
 *
 * Arguments: the Neo4j home folder, the Bolt port, the page cache size (e.g. 512m) and the default
 * transaction timeout (e.g. 60s; 0s = none); the last two are optional. The password of the `neo4j` user comes from the
 * environment (NEO4J_LOCAL_PASSWORD) so that it never shows in a process list.
 *
 * Protocol with the parent process (one line each on stdout): `PHASE <what>` as the start goes on (the
 * parent says what it waits for), then `READY <port>` once Bolt answers, or `FAILED <kind> <message>`
 * before exiting with status 1. The store is closed by the JVM shutdown hook,
 * so SIGTERM/SIGINT always leave a clean store.
 */
public final class LocalNeo4j {
  public static void main(String[] args) {
    if (args.length < 2 || args.length > 4) {
      fail("usage", "LocalNeo4j <home> <boltPort> [pageCacheSize=512m] [transactionTimeout=0s]");
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCache = SettingValueParsers.BYTES.parse(args.length > 2 ? args[2] : "512m");
    Duration txTimeout = SettingValueParsers.DURATION.parse(args.length > 3 ? args[3] : "0s");
    String password = System.getenv("NEO4J_LOCAL_PASSWORD");
    if (password == null || password.length() < 8) {
      fail("config", "NEO4J_LOCAL_PASSWORD must be set (8 characters or more)");
    }

    DatabaseManagementService dbms;
    boolean storeExists = Files.isDirectory(home.resolve("data").resolve("databases"));
    phase(storeExists
        ? "opening the store (recovering it if the last stop was not clean)"
        : "creating the store (first start)");
    try {
      dbms = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
          .setConfig(GraphDatabaseSettings.auth_enabled, true)
          .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
          .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout)
          // dbms.usage_report.enabled: Neo4j would otherwise send "Anonymous Usage Data" to neo4j.com.
          // The store holds personal data (PIPL): nothing leaves the machine unasked.
          .setConfig(GraphDatabaseSettings.udc_enabled, false)
          // A stop took 10.3 s, 10 of them after the databases were closed: Bolt's in-process
          // connector (unused here) and its network one each waited 5 s for their idle thread
          // pools. Without the first and with a short wait for the second, a stop takes ~0.4 s.
          .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
          .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
          .build();
    } catch (Throwable e) {
      fail(classify(e), describe(e));
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

    // Setting the password costs ~4 s of a ~12 s warm start (a cold system-database query): done only
    // when the store is new or the password file changed since it was last applied.
    Path applied = home.resolve("password.applied");
    String fingerprint = sha256(password);
    if (!storeExists || !fingerprint.equals(readOrEmpty(applied))) {
      phase("setting the password of the neo4j user");
      try {
        setPassword(dbms, password);
        Files.writeString(applied, fingerprint);
      } catch (Throwable e) {
        dbms.shutdown();
        fail("auth", describe(e));
      }
    }
    System.out.println("READY " + port);
    System.out.flush();
    exitWhenParentGoes();
  }

  /**
   * The parent keeps our stdin open; when it closes (the parent exited or crashed) we exit too, and the
   * shutdown hook closes the store. Without this an orphaned JVM would keep the data folder locked.
   */
  private static void exitWhenParentGoes() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // ignore input; we only wait for end-of-file
        }
      } catch (IOException ignored) {
        // a broken pipe means the same as end-of-file
      }
      System.exit(0);
    }, "parent-watcher");
    watcher.setDaemon(false);
    watcher.start();
  }

  /**
   * The first start sets the password; later starts find it set already and leave it alone. Its own
   * generous time limit: on a busy machine this took over a minute, past the default transaction timeout.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    try (var tx = system.beginTx(1, TimeUnit.HOURS)) {
      tx.execute(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
      tx.commit();
    } catch (RuntimeException e) {
      // Neo4j refuses to set the password it already has: that is the normal restart case.
      if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
        throw e;
      }
    }
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readOrEmpty(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      return "";
    }
  }

  private static String classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase();
      String c = t.getClass().getName();
      if (t instanceof OutOfMemoryError || m.contains("cannot allocate memory")) {
        return "memory";
      }
      if (c.contains("FileLockException") || m.contains("lock file has been locked")
          || m.contains("locked by another process")) {
        return "locked";
      }
      if (c.contains("BindException") || m.contains("address already in use") || m.contains("port")
          && m.contains("in use")) {
        return "port";
      }
    }
    return "start";
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (sb.length() > 0) sb.append(" <- ");
      sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
    }
    return sb.toString().replace('\n', ' ');
  }

  private static void phase(String what) {
    System.out.println("PHASE " + what);
    System.out.flush();
  }

  private static void fail(String kind, String message) {
    System.out.println("FAILED " + kind + " " + message);
    System.out.flush();
    System.exit(1);
  }
}
