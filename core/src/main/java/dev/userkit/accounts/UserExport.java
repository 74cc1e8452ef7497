package dev.userkit.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.userkit.StoreException;
import dev.userkit.domain.Device;
import dev.userkit.domain.Role;
import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.Stores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything stored about one user as JSON (A18): the account, its roles, devices and sessions.
 * Password hashes, token hashes and codes are left out on purpose: they are secrets, not data
 * about the person.
 */
final class UserExport {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final int PAGE = 500;
    private final Stores stores;

    UserExport(Stores stores) {
        this.stores = stores;
    }

    String toJson(User u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", account(u));
        out.put("roles", stores.roles().rolesOf(u.id()).stream().map(Role::name).toList());
        out.put("devices", stores.devices().list(u.id(), false).stream().map(DeviceRecord::device).map(UserExport::device).toList());
        out.put("sessions", sessions(u).stream().map(UserExport::session).toList());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot write the user export", e);
        }
    }

    private static Map<String, Object> account(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id().toString());
        m.put("username", u.username().value());
        m.put("email", u.email().value());
        m.put("phone", u.phone() == null ? null : u.phone().value());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("firstName", u.profile().firstName());
        p.put("lastName", u.profile().lastName());
        p.put("address", u.profile().address());
        p.put("additionalInfo", u.profile().additionalInfo());
        m.put("profile", p);
        m.put("metadata", u.metadata());
        m.put("admin", u.admin());
        m.put("status", u.status().name());
        m.put("locale", u.locale() == null ? null : u.locale().toLanguageTag());
        m.put("createdAt", u.createdAt().toString());
        m.put("updatedAt", u.updatedAt().toString());
        return m;
    }

    private List<Session> sessions(User u) {
        List<Session> all = new ArrayList<>();
        List<SessionRecord> page = stores.sessions().list(SessionFilter.ofUser(u.id()), null, PAGE);
        while (!page.isEmpty()) {
            page.forEach(r -> all.add(r.session()));
            if (page.size() < PAGE) break;
            page = stores.sessions().list(SessionFilter.ofUser(u.id()), page.get(page.size() - 1).session().id(), PAGE);
        }
        return all;
    }

    private static Map<String, Object> device(Device d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id().toString());
        m.put("permitted", d.permitted());
        m.put("userAgent", d.userAgent());
        m.put("createdAt", d.createdAt().toString());
        m.put("lastUsedAt", d.lastUsedAt().toString());
        return m;
    }

    private static Map<String, Object> session(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().toString());
        m.put("createdAt", s.createdAt().toString());
        m.put("lastSeenAt", s.lastSeenAt().toString());
        m.put("idleExpiresAt", s.idleExpiresAt().toString());
        m.put("absoluteExpiresAt", s.absoluteExpiresAt().toString());
        m.put("data", s.data());
        m.put("deviceId", s.deviceId() == null ? null : s.deviceId().toString());
        return m;
    }
}
