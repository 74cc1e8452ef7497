package dev.userkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.StoreException;
import dev.userkit.UserKit;
import dev.userkit.memory.InMemoryStores;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoresTest {
    @Test
    void closeWhenResourcesRegisteredThenClosesEachOnceNewestFirst() {
        List<String> closed = new ArrayList<>();
        Stores stores = InMemoryStores.create().toBuilder()
                .closeWith(() -> closed.add("pool"))
                .closeWith(() -> closed.add("client"))
                .build();
        Stores copy = stores.withCodes(stores.codes());
        copy.close();
        stores.close();
        assertThat(closed).containsExactly("client", "pool");
    }

    @Test
    void closeWhenOneResourceFailsThenClosesTheOthersAndThrowsStoreException() {
        List<String> closed = new ArrayList<>();
        Stores stores = InMemoryStores.create().toBuilder()
                .closeWith(() -> closed.add("pool"))
                .closeWith(() -> { throw new IllegalStateException("client refused"); })
                .build();
        assertThatThrownBy(stores::close).isInstanceOf(StoreException.class).hasMessageContaining("client refused");
        assertThat(closed).containsExactly("pool");
    }

    @Test
    void buildWhenAPortIsMissingThenNamesIt() {
        Stores full = InMemoryStores.create();
        Stores.Builder missing = Stores.builder().users(full.users()).sessions(full.sessions()).codes(full.codes())
                .roles(full.roles()).devices(full.devices()).unitOfWork(full.unitOfWork()).maintenanceLock(full.maintenanceLock());
        assertThatThrownBy(missing::build).isInstanceOf(NullPointerException.class).hasMessage("attempts");
        assertThatThrownBy(missing.attempts(full.attempts())::build).isInstanceOf(NullPointerException.class).hasMessage("outbox");
    }

    @Test
    void withReplacesOnlyThatPort() {
        Stores stores = InMemoryStores.create();
        Stores other = InMemoryStores.create();
        Stores copy = stores.withSessions(other.sessions());
        assertThat(copy.sessions()).isSameAs(other.sessions());
        assertThat(copy.users()).isSameAs(stores.users());
        assertThat(copy.unitOfWork()).isSameAs(stores.unitOfWork());
    }

    @Test
    void userKitCloseClosesItsStores() {
        List<String> closed = new ArrayList<>();
        Stores stores = InMemoryStores.create().toBuilder().closeWith(() -> closed.add("pool")).build();
        try (UserKit kit = UserKit.builder().stores(stores).build()) {
            assertThat(kit.accounts()).isNotNull();
        }
        assertThat(closed).containsExactly("pool");
    }
}
