package dev.userkit;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import dev.userkit.domain.CodePurpose;
import java.util.Optional;

/** Reads every {@code USERKIT_*} name of {@link UserKitConfig} from {@link Settings} onto a builder. */
final class UserKitConfigReader {
    private UserKitConfigReader() {}

    /** Sets on {@code b} every value {@code s} holds; names and formats: the README's configuration table. */
    static UserKitConfig.Builder read(Settings s, UserKitConfig.Builder b) {
        s.duration("USERKIT_SESSION_IDLE_TTL").ifPresent(b::sessionIdleTtl);
        s.duration("USERKIT_SESSION_ABSOLUTE_TTL").ifPresent(b::sessionAbsoluteTtl);
        s.duration("USERKIT_SLIDING_WRITE_INTERVAL").ifPresent(b::slidingWriteInterval);
        for (CodePurpose purpose : CodePurpose.values()) {
            s.duration("USERKIT_CODE_TTL_" + purpose.name()).ifPresent(ttl -> b.codeTtl(purpose, ttl));
        }
        s.bool("USERKIT_ACTIVATE_ON_SIGNUP").ifPresent(b::activateOnSignup);
        s.string("USERKIT_DEFAULT_ROLE").ifPresent(b::defaultRole);
        s.bool("USERKIT_USERNAME_CASE_SENSITIVE").ifPresent(b::usernameCaseSensitive);
        s.bool("USERKIT_DEVICE_CONTROL").ifPresent(b::deviceControl);
        s.integer("USERKIT_PASSWORD_MIN_LENGTH").ifPresent(b::passwordMinLength);
        s.integer("USERKIT_PASSWORD_MAX_LENGTH").ifPresent(b::passwordMaxLength);
        hashingFrom(s).ifPresent(b::passwordHashing);
        s.duration("USERKIT_PENDING_ACCOUNT_TTL").ifPresent(b::pendingAccountTtl);
        s.integer("USERKIT_LOGIN_FAILURE_LIMIT").ifPresent(b::loginFailureLimit);
        s.integer("USERKIT_ADDRESS_FAILURE_LIMIT").ifPresent(b::addressFailureLimit);
        s.duration("USERKIT_LOGIN_FAILURE_WINDOW").ifPresent(b::loginFailureWindow);
        s.duration("USERKIT_KNOWN_CLIENT_TTL").ifPresent(b::knownClientTtl);
        s.integer("USERKIT_SEND_LIMIT").ifPresent(b::sendLimit);
        s.duration("USERKIT_SEND_WINDOW").ifPresent(b::sendWindow);
        s.integer("USERKIT_SHORT_CODE_MAX_ATTEMPTS").ifPresent(b::shortCodeMaxAttempts);
        s.bool("USERKIT_RESET_BY_EMAIL").ifPresent(b::resetByEmail);
        s.bool("USERKIT_UNKNOWN_ADDRESS_NOTICE").ifPresent(b::unknownAddressNotice);
        KeyRing.from(s, UserKitConfig.KEYS).ifPresent(b::keyRing);
        s.integer("USERKIT_MAX_CONCURRENT_HASHES").ifPresent(b::maxConcurrentHashes);
        KeyRing.from(s, "USERKIT_PEPPER_KEYS").ifPresent(b::pepper);
        s.bool(UserKitConfig.REQUIRE_KEY_RING).ifPresent(b::requireKeyRing);
        s.bool("USERKIT_VALIDATION_CACHE").ifPresent(b::validationCache);
        s.integer("USERKIT_VALIDATION_CACHE_MAX_SIZE").ifPresent(b::validationCacheMaxSize);
        s.duration("USERKIT_VALIDATION_CACHE_STALENESS").ifPresent(b::validationCacheStaleness);
        b.outbox(OutboxSettings.builder().read(s).build());
        b.maintenance(MaintenanceSettings.builder().read(s).build());
        return b;
    }

    /** Argon2id parameters from the three settings, each missing one as in the default; none set keeps the default. */
    private static Optional<PasswordHashing> hashingFrom(Settings s) {
        Optional<Integer> memory = s.integer("USERKIT_PASSWORD_HASHING_MEMORY_KIB");
        Optional<Integer> iterations = s.integer("USERKIT_PASSWORD_HASHING_ITERATIONS");
        Optional<Integer> parallelism = s.integer("USERKIT_PASSWORD_HASHING_PARALLELISM");
        if (memory.isEmpty() && iterations.isEmpty() && parallelism.isEmpty()) return Optional.empty();
        PasswordHashing base = PasswordHashing.PRODUCTION;
        try {
            return Optional.of(PasswordHashing.of(memory.orElse(base.memoryKiB()), iterations.orElse(base.iterations()),
                    parallelism.orElse(base.parallelism())));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("USERKIT_PASSWORD_HASHING_MEMORY_KIB", "USERKIT_PASSWORD_HASHING_MEMORY_KIB, _ITERATIONS, _PARALLELISM: "
                    + e.getMessage());
        }
    }
}
