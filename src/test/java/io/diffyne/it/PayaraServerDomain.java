package io.diffyne.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Rewrites a copied Payara Server domain's {@code config/domain.xml} before its first start, so the server never
 * listens beyond loopback nor on a port another run holds: every listener of the server's own configuration
 * ({@code server-config}: HTTP, HTTPS, admin, the three IIOP listeners, the JMX connector, the JMS broker's lazy
 * listener, the OSGi remote shell) on 127.0.0.1 and the given ports; the H2 server the default datasource starts
 * ({@code AUTO_SERVER=TRUE}) on 127.0.0.1; the data grid (Hazelcast, domain discovery: no multicast) bound to 127.0.0.1
 * on ports of its own; phone home off (Payara's, {@code asadmin disable-phone-home}, and the data grid's); and the
 * test's JVM options added. The attribute names are those of Payara's configuration beans
 * ({@code HazelcastRuntimeConfiguration}, {@code PhoneHomeRuntimeConfiguration}), as asadmin would write them.
 */
final class PayaraServerDomain {

    /** The ports a start needs, each chosen free on loopback. */
    record Ports(int http, int https, int admin, int iiop, int iiopSsl, int iiopMutualAuth, int jmx, int jms,
                 int osgiShell, int dataGridDas, int dataGridStart) {

        static Ports free() throws IOException {
            return new Ports(PayaraMicroProcess.freePort(), PayaraMicroProcess.freePort(), PayaraMicroProcess.freePort(),
                    PayaraMicroProcess.freePort(), PayaraMicroProcess.freePort(), PayaraMicroProcess.freePort(),
                    PayaraMicroProcess.freePort(), PayaraMicroProcess.freePort(), PayaraMicroProcess.freePort(),
                    PayaraMicroProcess.freePort(), PayaraMicroProcess.freePort());
        }
    }

    static final String LOOPBACK = "127.0.0.1";

    private PayaraServerDomain() {
    }

    /** Rewrites {@code domainXml} in place. */
    static void confine(Path domainXml, Ports ports, List<String> jvmOptions) throws IOException {
        Document document = parse(domainXml);
        Element domain = document.getDocumentElement();

        Element grid = single(domain, "hazelcast-runtime-configuration");
        grid.setAttribute("das-bind-address", LOOPBACK);
        grid.setAttribute("das-public-address", LOOPBACK);
        grid.setAttribute("das-port", Integer.toString(ports.dataGridDas()));
        grid.setAttribute("start-port", Integer.toString(ports.dataGridStart()));
        grid.setAttribute("interface", LOOPBACK);
        grid.setAttribute("discovery-mode", "domain");

        Element server = serverConfig(domain);
        listen(byAttribute(server, "network-listener", "name", "http-listener-1"), ports.http());
        listen(byAttribute(server, "network-listener", "name", "http-listener-2"), ports.https());
        listen(byAttribute(server, "network-listener", "name", "admin-listener"), ports.admin());
        listen(byAttribute(server, "iiop-listener", "id", "orb-listener-1"), ports.iiop());
        listen(byAttribute(server, "iiop-listener", "id", "SSL"), ports.iiopSsl());
        listen(byAttribute(server, "iiop-listener", "id", "SSL_MUTUALAUTH"), ports.iiopMutualAuth());
        listen(byAttribute(server, "jmx-connector", "name", "system"), ports.jmx());
        byAttribute(server, "system-property", "name", "JMS_PROVIDER_PORT")
                .setAttribute("value", Integer.toString(ports.jms()));
        // without it the server creates one whose host is "localhost", and its lazy broker listener then binds 0.0.0.0
        Element jms = document.createElement("jms-service");
        jms.setAttribute("type", "EMBEDDED");
        jms.setAttribute("default-jms-host", "default_JMS_host");
        Element jmsHost = document.createElement("jms-host");
        jmsHost.setAttribute("name", "default_JMS_host");
        jmsHost.setAttribute("host", LOOPBACK);
        jmsHost.setAttribute("port", "${JMS_PROVIDER_PORT}");
        jms.appendChild(jmsHost);
        server.appendChild(jms);

        Element phoneHome = document.createElement("phone-home-runtime-configuration");
        phoneHome.setAttribute("enabled", "false");
        server.appendChild(phoneHome);

        Element java = single(server, "java-config");
        for (Element option : children(java, "jvm-options")) {
            if (option.getTextContent().startsWith("-Dosgi.shell.telnet.port=")) {
                option.setTextContent("-Dosgi.shell.telnet.port=" + ports.osgiShell());
            }
        }
        addOption(java, "-Dosgi.shell.telnet.ip=" + LOOPBACK);
        // Hazelcast's own usage report (Payara's phone home is the element above)
        addOption(java, "-Dhazelcast.phone.home.enabled=false");
        // Hazelcast binds its member socket to the wildcard address unless told to bind the interface itself
        addOption(java, "-Dhazelcast.socket.bind.any=false");
        // jdbc/__default is H2 with AUTO_SERVER=TRUE: its first use starts an H2 TCP server on a random port, on every
        // interface unless H2 is given an address to bind
        addOption(java, "-Dh2.bindAddress=" + LOOPBACK);
        jvmOptions.forEach(option -> addOption(java, option));
        write(document, domainXml);
    }

    private static void listen(Element listener, int port) {
        listener.setAttribute("address", LOOPBACK);
        listener.setAttribute("port", Integer.toString(port));
    }

    private static void addOption(Element java, String option) {
        Element element = java.getOwnerDocument().createElement("jvm-options");
        element.setTextContent(option);
        java.appendChild(element);
    }

    private static Element serverConfig(Element domain) {
        for (Element configs : children(domain, "configs")) {
            for (Element config : children(configs, "config")) {
                if ("server-config".equals(config.getAttribute("name"))) {
                    return config;
                }
            }
        }
        throw new IllegalStateException("domain.xml has no server-config");
    }

    /** The one descendant named {@code tag} whose {@code attribute} is {@code value}. */
    private static Element byAttribute(Element parent, String tag, String attribute, String value) {
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (value.equals(element.getAttribute(attribute))) {
                return element;
            }
        }
        throw new IllegalStateException("domain.xml: no <" + tag + " " + attribute + "=\"" + value + "\"> in "
                + parent.getTagName() + " " + parent.getAttribute("name"));
    }

    private static Element single(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        if (found.size() != 1) {
            throw new IllegalStateException("domain.xml: " + found.size() + " <" + tag + "> under <"
                    + parent.getTagName() + ">");
        }
        return found.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new java.util.ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && tag.equals(element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Document parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + file, e);
        }
    }

    private static void write(Document document, Path file) throws IOException {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            var transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(file.toFile()));
        } catch (TransformerException e) {
            throw new IOException("cannot write " + file, e);
        }
    }
}
