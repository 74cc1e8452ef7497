package dev.userkit.http;

/** umpack's device and token-check routes in Tomcat 11, on in-memory stores. */
class TomcatDeviceApiTest extends DeviceApiContract {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
