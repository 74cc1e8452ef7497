package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.accounts.NewUser;
import dev.userkit.accounts.RootOptions;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Profile;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Verb;
import dev.userkit.sessions.Validation;
import dev.userkit.spi.UserQuery;
import dev.userkit.testkit.TestUsers;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SEC-29 for missing input: every public method of every service, given null in one argument and
 * valid values in the others, answers with a {@link UserKitException} (a typed code) or
 * returns; it never throws a NullPointerException, a store fault or any other exception. The
 * methods are found by reflection, so a new public method is covered the day it is added.
 *
 * <p>If this fails, the message names the method and the argument: check it before the first
 * use, and raise 1010 INVALID_ARGUMENT (or the method's more specific code).
 */
public abstract class NullArgumentTests extends IdentityFixture {
    @Test
    @DisplayName("SEC-29 [required] every public service method given null in any one argument answers a typed code or returns, never a NullPointerException")
    void nullInEachArgument() {
        UserKit kit = kit();
        User alice = TestUsers.insertActive(stores, TestUsers.productionHasher(), "alice", "alice@example.org", PASSWORD);
        kit.access().createRole("reader", "");
        String token = kit.sessions().login("alice", PASSWORD, null).token();
        Validation validation = kit.sessions().validate(token);
        Map<Class<?>, Object> samples = Map.ofEntries(
                Map.entry(String.class, "alice"), Map.entry(Object.class, "value"),
                Map.entry(UserId.class, alice.id()), Map.entry(SessionId.class, IdGenerator.sessionId()),
                Map.entry(DeviceId.class, IdGenerator.deviceId()), Map.entry(Profile.class, Profile.EMPTY),
                Map.entry(Map.class, Map.of("k", "v")), Map.entry(Verb.class, Verb.GET), Map.entry(UserStatus.class, UserStatus.ACTIVE),
                Map.entry(ClientContext.class, ClientContext.NONE), Map.entry(NewUser.class, user("bob")),
                Map.entry(Permission.class, new Permission("read", "/docs/**", Set.of(Verb.GET))),
                Map.entry(UserQuery.class, UserQuery.firstPage(10)), Map.entry(Validation.class, validation),
                Map.entry(RootOptions.class, RootOptions.fullAccess()), Map.entry(Locale.class, Locale.GERMAN), Map.entry(int.class, 10),
                Map.entry(boolean.class, false), Map.entry(Set.class, Set.of("reader")));

        List<String> failures = new ArrayList<>();
        // devices answer 807 with device control off, before looking at arguments: check them with it on as well
        UserKit withDevices = kit(config().deviceControl(true).build());
        for (Object service : List.of(kit.accounts(), kit.sessions(), kit.recovery(), kit.access(), kit.devices(), kit.bootstrap(),
                withDevices.devices())) {
            for (Method m : publicMethods(service.getClass())) {
                Class<?>[] types = m.getParameterTypes();
                for (int i = 0; i < types.length; i++) {
                    if (types[i].isPrimitive()) continue;
                    Object[] args = Arrays.stream(types).map(sampleOf(samples, m)).toArray();
                    args[i] = null;
                    Throwable t = invoke(service, m, args);
                    if (t != null && !(t instanceof UserKitException)) {
                        failures.add(service.getClass().getSimpleName() + "." + m.getName() + " argument " + i + ": " + t);
                    }
                }
            }
        }
        assertThat(failures).as("calls with a null argument that threw something other than a UserKitException").isEmpty();
    }

    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .sorted(Comparator.comparing(Method::toString)).toList();
    }

    private static Function<Class<?>, Object> sampleOf(Map<Class<?>, Object> samples, Method m) {
        return type -> {
            assertThat(samples).as("a sample %s for %s", type.getSimpleName(), m).containsKey(type);
            return samples.get(type);
        };
    }

    /** What the call threw, or null if it returned. */
    private static Throwable invoke(Object service, Method m, Object[] args) {
        try {
            m.invoke(service, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
