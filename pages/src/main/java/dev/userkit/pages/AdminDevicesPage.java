package dev.userkit.pages;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.domain.Device;
import dev.userkit.domain.DeviceId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Admin: the devices seen (D1) with their owner and last use; permit or restrict one. */
final class AdminDevicesPage implements Page {
    private final UserKit kit;
    private final PageSupport support;

    AdminDevicesPage(UserKit kit, PageSupport support) {
        this.kit = kit;
        this.support = support;
    }

    @Override
    public void get(PageContext page, HttpServletResponse response) throws IOException {
        support.show(page, response, "admin_devices", scope());
    }

    @Override
    public void post(PageContext page, HttpServletResponse response) throws IOException {
        try {
            DeviceId id = DeviceId.parse(page.field("device"));
            switch (page.field("action")) {
                case "permit" -> kit.devices().permit(id);
                case "restrict" -> kit.devices().restrict(id);
                default -> throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Unknown action");
            }
        } catch (UserKitException e) {
            support.refuse(page, response, "admin_devices", e, scope());
            return;
        } catch (IllegalArgumentException malformedId) {
            support.refuse(page, response, "admin_devices", new UserKitException(ErrorCode.INVALID_ARGUMENT, "Malformed device id"), scope());
            return;
        }
        PageSupport.redirect(page, response, "/admin/devices", "admin_saved");
    }

    private Map<String, Object> scope() {
        Map<String, Object> scope = new HashMap<>();
        boolean on = kit.devices().enabled();
        scope.put("devicesOn", on);
        List<Device> devices = on ? kit.devices().listAll() : List.of();
        scope.put("devices", devices.stream().map(d -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", d.id().toString());
            row.put("owner", kit.accounts().findById(d.userId()).map(u -> u.username().value()).orElse("-"));
            row.put("agent", d.userAgent() == null ? "-" : d.userAgent());
            row.put("lastUsed", d.lastUsedAt().toString());
            row.put("permitted", d.permitted());
            return row;
        }).toList());
        return scope;
    }
}
