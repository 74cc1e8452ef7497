package dev.userkit.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The MongoDB server the tests use, started once per JVM. In order of preference:
 * <ol>
 * <li>{@code USERKIT_MONGO_URI} if set: a real server you run;</li>
 * <li>a Testcontainers {@code mongo} container if a Docker engine answers;</li>
 * <li>otherwise the in-process wire-protocol stand-in (mongo-java-server, in-memory backend).</li>
 * </ol>
 * Every caller gets its own database, so test classes never see each other's data.
 */
final class MongoTestServer {
    /** The image used when Docker is available. */
    static final String MONGO_IMAGE = "mongo:8.0";
    // Tests run on a clock standing at 2026-01-01; a real server's TTL monitor uses the wall clock
    // and would remove "live" test documents, so the tests give the TTL indexes a long grace.
    static final Duration TEST_TTL_GRACE = Duration.ofDays(3650);
    private static final Logger LOG = LoggerFactory.getLogger(MongoTestServer.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();
    private static MongoClient client;
    private static String connectionString;
    private static String kind;

    private MongoTestServer() {}

    /** A new, empty database with UserKit's schema; {@code purpose} makes its name readable. */
    static MongoDatabase newDatabase(String purpose) {
        MongoDatabase db = rawDatabase(purpose);
        MongoSchema.create(db, TEST_TTL_GRACE);
        return db;
    }

    /** A new, empty database without any schema; dropped again when the JVM exits. */
    static synchronized MongoDatabase rawDatabase(String purpose) {
        MongoDatabase db = client().getDatabase("uk_test_" + ProcessHandle.current().pid() + "_"
                + DATABASES.incrementAndGet() + "_" + purpose);
        db.drop();
        CREATED.add(db.getName());
        return db;
    }

    /** The shared client (standard UUIDs). */
    static synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(MongoSettings.builder().connectionString(connectionString())
                    .build(java.util.Map.of()).clientSettings());
            // a real server keeps what the tests made; the stand-in vanishes with the JVM anyway
            if (!kind.equals("stand-in")) Runtime.getRuntime().addShutdownHook(new Thread(MongoTestServer::dropCreated, "mongo-test-cleanup"));
        }
        return client;
    }

    private static synchronized void dropCreated() {
        CREATED.forEach(name -> client.getDatabase(name).drop());
    }

    /** The server's connection string, starting it on first use. */
    static synchronized String connectionString() {
        if (connectionString == null) connectionString = start();
        return connectionString;
    }

    /** Which server the tests run against: "real", "testcontainers" or "stand-in". */
    static synchronized String kind() {
        client();
        return kind;
    }

    private static String start() {
        String uri = System.getenv(MongoSettings.ENV_URI);
        if (uri != null && !uri.isBlank()) {
            kind = "real";
            LOG.info("MongoDB tests run against the server in {}", MongoSettings.ENV_URI);
            return uri;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "mongo-container-stop"));
            kind = "testcontainers";
            LOG.info("MongoDB tests run against a {} container", MONGO_IMAGE);
            return container.getConnectionString();
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-stand-in-stop"));
        kind = "stand-in";
        LOG.info("No MongoDB configured and no Docker engine: tests run against the in-process mongo-java-server stand-in");
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }
}
