"""Loads QBBridge's WSDL with zeep (a standard SOAP client) and calls the endpoint through it.

Usage: python3 check_endpoint.py http://127.0.0.1:PORT/qbwc
Exits non-zero if zeep is missing, the WSDL does not load, or a call fails.
"""
import sys

try:
    import zeep
except ImportError:
    print("zeep is not installed: pip install zeep", file=sys.stderr)
    sys.exit(2)

endpoint = sys.argv[1]
client = zeep.Client(endpoint + "?wsdl")
service = client.create_service("{http://developer.intuit.com/}QBWebConnectorSvcSoap", endpoint)
operations = sorted(client.wsdl.bindings["{http://developer.intuit.com/}QBWebConnectorSvcSoap"]._operations)
print("operations:", ", ".join(operations))
print("serverVersion:", service.serverVersion())
print("clientVersion:", repr(service.clientVersion("2.3.0.215") or ""))
result = service.authenticate("nobody", "wrong")
values = [value or "" for value in result]
print("authenticate:", values)
print("receiveResponseXML:", service.receiveResponseXML("bad", "", "", ""))
expected = {"authenticate", "clientVersion", "closeConnection", "connectionError", "getInteractiveURL", "getLastError",
            "interactiveDone", "interactiveRejected", "receiveResponseXML", "sendRequestXML", "serverVersion"}
if set(operations) != expected:
    print("unexpected operations", set(operations) ^ expected, file=sys.stderr)
    sys.exit(1)
