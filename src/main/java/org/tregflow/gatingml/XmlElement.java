package org.tregflow.gatingml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A minimal read-only XML tree that remembers the line of each element (DOM forgets it, and error messages need
 * it). Names are local names: Gating-ML files differ in their prefixes, never in their local names.
 */
final class XmlElement {
    final String name;
    final String namespace;
    final Map<String, String> attributes;
    final List<XmlElement> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final int line;

    private XmlElement(String name, String namespace, Map<String, String> attributes, int line) {
        this.name = name;
        this.namespace = namespace == null ? "" : namespace;
        this.attributes = attributes;
        this.line = line;
    }

    String attr(String localName) {
        return attributes.get(localName);
    }

    List<XmlElement> children(String localName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                out.add(c);
            }
        }
        return out;
    }

    XmlElement child(String localName) {
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                return c;
            }
        }
        return null;
    }

    String text() {
        return text.toString().trim();
    }

    /**
     * Parses with every external access disabled: no DTD at all (so no entity, internal or external, and no
     * billion-laughs expansion), no external schema or stylesheet, secure processing limits on.
     */
    static XmlElement parse(InputStream in, String systemId) throws IOException {
        // The JDK parser itself, not whatever a classpath service lookup finds (slow, and not the one configured here).
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser p = f.newSAXParser();
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Builder b = new Builder();
            InputSource src = new InputSource(in);
            src.setSystemId(systemId);
            p.parse(src, b);
            return b.root;
        } catch (java.io.CharConversionException | java.io.UnsupportedEncodingException e) {
            throw new GatingMlException(systemId + ": the text is not in the character encoding it declares (or the "
                    + "encoding is unknown): " + e.getMessage(), e);
        } catch (SAXParseException e) {
            String msg = e.getMessage();
            if (msg != null && msg.contains("DOCTYPE")) {
                msg = "DOCTYPE declarations are not allowed (they can pull in external entities); "
                        + "a Gating-ML file needs none";
            }
            throw new GatingMlException(systemId + ":" + e.getLineNumber() + ": not well-formed XML: " + msg, e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new GatingMlException(systemId + ": cannot parse XML: " + e.getMessage(), e);
        }
    }

    private static final class Builder extends DefaultHandler {
        private final Deque<XmlElement> stack = new ArrayDeque<>();
        private Locator locator;
        XmlElement root;

        @Override
        public void setDocumentLocator(Locator l) {
            this.locator = l;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i < atts.getLength(); i++) {
                String ln = atts.getLocalName(i);
                if (ln == null || ln.isEmpty()) {
                    ln = atts.getQName(i);
                }
                a.put(ln, atts.getValue(i));
            }
            String name = localName == null || localName.isEmpty() ? qName : localName;
            XmlElement e = new XmlElement(name, uri, a, locator == null ? -1 : locator.getLineNumber());
            if (stack.isEmpty()) {
                root = e;
            } else {
                stack.peek().children.add(e);
            }
            stack.push(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            stack.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!stack.isEmpty()) {
                stack.peek().text.append(ch, start, length);
            }
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
            throw new SAXException("external entity " + systemId + " refused");
        }
    }
}
