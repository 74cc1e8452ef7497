package dev.userkit.http;

/** umpack's device and token-check routes in Jetty 12 (EE 10), on in-memory stores. */
class JettyDeviceApiTest extends DeviceApiContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
