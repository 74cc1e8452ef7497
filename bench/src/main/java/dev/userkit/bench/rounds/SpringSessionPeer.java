package dev.userkit.bench.rounds;

import dev.userkit.bench.servers.SqlFlavor;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session, the peer of session validation: its JDBC repository on the store's own pool,
 * with its own schema from its jar, as Spring Boot sets it up (a transaction template over the
 * data source); in memory its map repository. Each session carries the principal's name, as a
 * logged-in session does.
 *
 * @param <S> the repository's session type
 */
final class SpringSessionPeer<S extends Session> {
    private static final Duration IDLE = Duration.ofHours(24);
    /** The column's name on every store, so that the table across stores lines the peers up. */
    static final String COLUMN = "Spring Session findById";
    private final String repositoryName;
    private final SessionRepository<S> repository;

    private SpringSessionPeer(String repositoryName, SessionRepository<S> repository) {
        this.repositoryName = repositoryName;
        this.repository = repository;
    }

    /** Spring Session JDBC over {@code ds}, after applying its schema for {@code flavor}. */
    static SpringSessionPeer<?> jdbc(DataSource ds, SqlFlavor flavor) {
        new ResourceDatabasePopulator(new ClassPathResource(flavor.springSessionSchema())).execute(ds);
        JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(new JdbcTemplate(ds),
                new TransactionTemplate(new DataSourceTransactionManager(ds)));
        repository.setDefaultMaxInactiveInterval(IDLE);
        return new SpringSessionPeer<>("JdbcIndexedSessionRepository", repository);
    }

    /** Spring Session's map repository over a concurrent map. */
    static SpringSessionPeer<?> inMemory() {
        MapSessionRepository repository = new MapSessionRepository(new ConcurrentHashMap<>());
        repository.setDefaultMaxInactiveInterval(IDLE);
        return new SpringSessionPeer<>("MapSessionRepository", repository);
    }

    /** @return which of Spring Session's repositories this is, for the notes */
    String repositoryName() {
        return repositoryName;
    }

    /** Saves a new session for {@code principal} and returns its id. */
    String save(String principal) {
        S session = repository.createSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal);
        repository.save(session);
        return session.getId();
    }

    /** Finds a saved session; throws if it is gone. */
    void find(String id) {
        if (repository.findById(id) == null) throw new IllegalStateException("no Spring session " + id);
    }
}
