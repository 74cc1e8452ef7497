package dev.userkit.spring.boot;

import dev.userkit.spi.SchemaMode;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The starter's own {@code userkit.*} properties: the store, the HTTP edge and the background work.
 * Every other {@code userkit.*} property is a setting of core or a module, read by its own reader
 * under its {@code USERKIT_*} name: {@code userkit.session.idle-ttl} is {@code USERKIT_SESSION_IDLE_TTL},
 * {@code userkit.keys} is {@code USERKIT_KEYS}, {@code userkit.smtp.host} is {@code USERKIT_SMTP_HOST}
 * (the README's configuration table lists them all), so the two lists never drift apart.
 *
 * @param store where users, sessions and codes are kept
 * @param http the HTTP edge's registration
 * @param background the work the kit does outside requests
 */
@ConfigurationProperties("userkit")
public record UserKitProperties(@DefaultValue Store store, @DefaultValue Http http, @DefaultValue Background background) {

    /**
     * The store. Without a type, the application's own {@code DataSource} bean is used (PostgreSQL or
     * MariaDB, as its metadata says), else its {@code MongoClient} bean; with neither, start-up fails.
     *
     * @param type memory, postgres, mariadb or mongo
     * @param url the connection string ({@code jdbc:postgresql://host:5432/db}, {@code mongodb://host});
     *            with a SQL type and no URL the application's {@code DataSource} is used
     * @param user the database user
     * @param password the database password
     * @param schema the PostgreSQL schema that is the user space (default {@code userkit})
     * @param database the MariaDB or MongoDB database that is the user space
     * @param schemaMode migrate (the default), validate or none
     */
    public record Store(StoreType type, String url, String user, String password, String schema, String database,
                        @DefaultValue("migrate") SchemaMode schemaMode) {}

    /**
     * The HTTP edge ({@code userkit-http}), registered in a Servlet web application.
     *
     * @param enabled whether the filters and the API are registered (default true)
     * @param basePath where umpack's REST API is mounted (default {@code /um})
     * @param loginPath where jxMono's login routes are mounted (default {@code /auth})
     * @param publicRoutes the API routes that need no permission, each {@code "METHOD /template"}; empty keeps the edge's defaults
     * @param publicPaths Ant-style patterns UserKit's authorisation filter lets through without a session
     * @param filterScope which paths UserKit's CSRF and authorisation filters guard (default all)
     * @param accessTokens {@code hs256} to hand out signed access tokens keyed from the key ring (S9); none by default
     * @param trustedProxies CIDR blocks of the proxies whose forwarding headers are believed
     */
    public record Http(@DefaultValue("true") boolean enabled, @DefaultValue("/um") String basePath,
                       @DefaultValue("/auth") String loginPath, @DefaultValue List<String> publicRoutes,
                       @DefaultValue List<String> publicPaths, @DefaultValue("all") FilterScope filterScope,
                       @DefaultValue("none") AccessTokenMode accessTokens, @DefaultValue List<String> trustedProxies) {}

    /** Whether the edge hands out signed access tokens (S9). */
    public enum AccessTokenMode {
        /** No access tokens: a bearer JWS is refused like any unknown token. */
        NONE,
        /** HS256 tokens keyed from the kit's key ring. */
        HS256
    }

    /**
     * The work the kit does outside requests, started with the application and stopped before the kit closes.
     *
     * @param outbox deliver queued mail and texts (default true, as the server does)
     * @param maintenance run the scheduled purges under the store's lease (default true)
     */
    public record Background(@DefaultValue("true") boolean outbox, @DefaultValue("true") boolean maintenance) {}
}
