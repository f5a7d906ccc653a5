package org.eventvfs.ftp;

import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.apache.ftpserver.ssl.ClientAuth;
import org.apache.ftpserver.ssl.SslConfiguration;

/**
 * FtpServer's TLS configuration from a PEM certificate chain and key, the files WebDAV's HTTPS
 * reads too (FtpServer's own factory wants a Java key store). One context serves the control
 * connection and every data connection, so clients can resume the control connection's TLS
 * session on their data connections.
 */
final class PemTls implements SslConfiguration {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLContext context;

    private PemTls(SSLContext context) {
        this.context = context;
    }

    /** Reads the files now, so a wrong path or a key that does not match fails at start-up. */
    static PemTls load(Vertx vertx, String certificate, String privateKey) {
        try {
            KeyManagerFactory keys = new PemKeyCertOptions().setCertPath(certificate).setKeyPath(privateKey)
                    .getKeyManagerFactory(vertx);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new PemTls(context);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot use ftp.certificate " + certificate + " with ftp.privateKey "
                    + privateKey + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SSLSocketFactory getSocketFactory() {
        return context.getSocketFactory();
    }

    @Override
    public SSLContext getSSLContext() {
        return context;
    }

    @Override
    public SSLContext getSSLContext(String protocol) throws GeneralSecurityException {
        return context;
    }

    /** The JDK's defaults, which leave out what is known to be weak. */
    @Override
    public String[] getEnabledCipherSuites() {
        return null;
    }

    @Override
    public String getEnabledProtocol() {
        return PROTOCOLS[0];
    }

    @Override
    public String[] getEnabledProtocols() {
        return PROTOCOLS.clone();
    }

    @Override
    public ClientAuth getClientAuth() {
        return ClientAuth.NONE;
    }
}
