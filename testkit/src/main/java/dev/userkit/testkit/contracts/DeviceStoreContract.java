package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.device;
import static dev.userkit.testkit.Fixtures.millisNow;
import static dev.userkit.testkit.Fixtures.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.domain.Device;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.UserId;
import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.DeviceStore;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.testkit.Fixtures;
import dev.userkit.testkit.StoreFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link DeviceStore} contract: one test per sentence of its javadoc.
 *
 * <p>If a test fails, check: the unique key is the pair (user, token hash), not the token
 * hash alone; {@code setPermitted} and {@code touch} change their one column and answer whether the
 * device exists (not whether the value changed); {@code list} filters by user (null: everyone's)
 * and by the permitted flag, in device id order.
 */
public abstract class DeviceStoreContract extends StoreFixture {
    private DeviceStore devices() {
        return stores.devices();
    }

    private DeviceRecord inserted(UserId user) {
        DeviceRecord d = device(user, millisNow(clock));
        devices().insert(d);
        return d;
    }

    private static DeviceRecord changed(DeviceRecord r, UnaryOperator<Device> change) {
        return new DeviceRecord(change.apply(r.device()), r.tokenHash());
    }

    private static List<DeviceId> ids(List<DeviceRecord> records) {
        return records.stream().map(r -> r.device().id()).toList();
    }

    @Test
    @DisplayName("[required] DeviceStore find/findById: return the inserted device with every field intact")
    void findReturnsInsertedDevice() {
        Instant at = millisNow(clock);
        DeviceRecord d = new DeviceRecord(new Device(IdGenerator.deviceId(), owner(stores), false,
                "Mozilla/5.0 \"quoted\" \\ ' OR 1=1 -- $ne a.b Grüße 日本", at, at.plusMillis(1)), Fixtures.tokenHash());
        devices().insert(d);

        assertThat(devices().find(d.device().userId(), d.tokenHash())).contains(d);
        assertThat(devices().findById(d.device().id())).contains(d);
    }

    @Test
    @DisplayName("[required] DeviceStore find*: an unknown device, or another user's token hash, returns empty")
    void findUnknownReturnsEmpty() {
        DeviceRecord d = inserted(owner(stores));

        assertThat(devices().find(IdGenerator.userId(), d.tokenHash())).isEmpty();
        assertThat(devices().find(d.device().userId(), Fixtures.tokenHash())).isEmpty();
        assertThat(devices().findById(IdGenerator.deviceId())).isEmpty();
    }

    @Test
    @DisplayName("[required] DeviceStore insert: the same user and token hash twice throws DuplicateKeyException")
    void insertDuplicateUserAndHashThrows() {
        DeviceRecord first = inserted(owner(stores));
        DeviceRecord clash = new DeviceRecord(device(first.device().userId(), millisNow(clock)).device(), first.tokenHash());

        assertThatThrownBy(() -> devices().insert(clash)).isInstanceOf(DuplicateKeyException.class);
        assertThat(devices().findById(clash.device().id())).isEmpty();
        assertThat(devices().find(first.device().userId(), first.tokenHash())).contains(first);
    }

    @Test
    @DisplayName("[required] DeviceStore insert: one token hash for two different users is no clash")
    void sameHashForOtherUserIsAllowed() {
        DeviceRecord first = inserted(owner(stores));
        DeviceRecord second = new DeviceRecord(device(owner(stores), millisNow(clock)).device(), first.tokenHash());
        devices().insert(second);

        assertThat(devices().find(second.device().userId(), first.tokenHash())).contains(second);
        assertThat(devices().find(first.device().userId(), first.tokenHash())).contains(first);
    }

    @Test
    @DisplayName("[required] DeviceStore setPermitted: sets the flag and nothing else; false if the device does not exist")
    void setPermittedChangesFlag() {
        DeviceRecord d = inserted(owner(stores));

        assertThat(devices().setPermitted(d.device().id(), false)).isTrue();
        assertThat(devices().findById(d.device().id())).contains(changed(d, x ->
                new Device(x.id(), x.userId(), false, x.userAgent(), x.createdAt(), x.lastUsedAt())));
        assertThat(devices().setPermitted(d.device().id(), true)).isTrue();
        assertThat(devices().findById(d.device().id())).contains(d);
        assertThat(devices().setPermitted(IdGenerator.deviceId(), true)).isFalse();
    }

    @Test
    @DisplayName("[required] DeviceStore touch: records the last use and nothing else; false if the device does not exist")
    void touchRecordsLastUse() {
        DeviceRecord d = inserted(owner(stores));
        Instant later = d.device().lastUsedAt().plusMillis(90_001);

        assertThat(devices().touch(d.device().id(), later)).isTrue();
        assertThat(devices().findById(d.device().id())).contains(changed(d, x ->
                new Device(x.id(), x.userId(), x.permitted(), x.userAgent(), x.createdAt(), later)));
        assertThat(devices().touch(IdGenerator.deviceId(), later)).isFalse();
    }

    @Test
    @DisplayName("[required] DeviceStore list: one user's devices (or everyone's for null), optionally permitted only, in id order")
    void listFiltersAndOrders() {
        UserId user = owner(stores);
        List<DeviceRecord> mine = new ArrayList<>();
        for (int i = 0; i < 4; i++) mine.add(device(user, millisNow(clock)));
        DeviceRecord others = device(owner(stores), millisNow(clock));
        for (int i = mine.size() - 1; i >= 0; i--) devices().insert(mine.get(i));
        devices().insert(others);
        devices().setPermitted(mine.get(1).device().id(), false);
        List<DeviceId> sortedMine = ids(mine).stream().sorted(Comparator.naturalOrder()).toList();
        List<DeviceId> all = new ArrayList<>(ids(mine));
        all.add(others.device().id());
        all.sort(Comparator.naturalOrder());

        assertThat(ids(devices().list(user, false))).containsExactlyElementsOf(sortedMine);
        assertThat(ids(devices().list(user, true))).containsExactlyElementsOf(
                sortedMine.stream().filter(id -> !id.equals(mine.get(1).device().id())).toList());
        assertThat(ids(devices().list(null, false))).containsExactlyElementsOf(all);
    }

    @Test
    @DisplayName("[required] DeviceStore deleteAllFor: deletes every device of the user and returns how many (A10)")
    void deleteAllForDeletesUsersDevices() {
        UserId user = owner(stores);
        DeviceRecord a = inserted(user);
        inserted(user);
        DeviceRecord other = inserted(owner(stores));

        assertThat(devices().deleteAllFor(user)).isEqualTo(2);
        assertThat(devices().deleteAllFor(user)).isZero();
        assertThat(devices().findById(a.device().id())).isEmpty();
        assertThat(devices().list(user, false)).isEmpty();
        assertThat(devices().findById(other.device().id())).contains(other);
    }
}
