<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiClient</name>
    <message>
        <source>The server presented a different certificate from the one this device trusts. Do not sign in; ask the print admin whether the server&apos;s certificate was replaced.</source>
        <translation>The server presented a different certificate from the one this device trusts. Do not sign in; ask the print admin whether the server&apos;s certificate was replaced.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (%1). Compare its fingerprint with the one from your print admin and trust it, or ask the print admin for a trusted certificate.</source>
        <translation>The server&apos;s certificate is not trusted (%1). Compare its fingerprint with the one from your print admin and trust it, or ask the print admin for a trusted certificate.</translation>
    </message>
    <message>
        <source>No server address is set. Enter the print server&apos;s address.</source>
        <translation>No server address is set. Enter the print server&apos;s address.</translation>
    </message>
    <message>
        <source>The server address is not valid. Use an address such as https://print.example.org:8631.</source>
        <translation>The server address is not valid. Use an address such as https://print.example.org:8631.</translation>
    </message>
    <message>
        <source>The document cannot be read.</source>
        <translation>The document cannot be read.</translation>
    </message>
    <message>
        <source>This kind of document (%1) cannot be printed. Print a PDF, JPEG or PWG raster file.</source>
        <translation>This kind of document (%1) cannot be printed. Print a PDF, JPEG or PWG raster file.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read. Check that it exists and that you may open it.</source>
        <translation>The file %1 cannot be read. Check that it exists and that you may open it.</translation>
    </message>
    <message>
        <source>The server did not present a certificate. Ask the print admin.</source>
        <translation>The server did not present a certificate. Ask the print admin.</translation>
    </message>
    <message>
        <source>The server cannot be found. Check the server address and the network connection.</source>
        <translation>The server cannot be found. Check the server address and the network connection.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection.</source>
        <translation>The server cannot be reached. Check the network connection.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network connection and try again.</source>
        <translation>The server did not answer in time. Check the network connection and try again.</translation>
    </message>
</context>
<context>
    <name>ApiReply</name>
    <message>
        <source>The server sent an answer that is too large. Ask the print admin.</source>
        <translation>The server sent an answer that is too large. Ask the print admin.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>The request was cancelled.</translation>
    </message>
    <message>
        <source>The server sent an answer this app cannot read. Update the app or ask the print admin.</source>
        <translation>The server sent an answer this app cannot read. Update the app or ask the print admin.</translation>
    </message>
    <message>
        <source>The server cannot be found. Check the server address and the network connection.</source>
        <translation>The server cannot be found. Check the server address and the network connection.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network connection and try again.</source>
        <translation>The server did not answer in time. Check the network connection and try again.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be set up. Ask the print admin.</source>
        <translation>A secure connection to the server could not be set up. Ask the print admin.</translation>
    </message>
    <message>
        <source>The server address is not valid. Use an address such as https://print.example.org:8631.</source>
        <translation>The server address is not valid. Use an address such as https://print.example.org:8631.</translation>
    </message>
    <message>
        <source>The server sent an answer this app cannot read. Check the server address.</source>
        <translation>The server sent an answer this app cannot read. Check the server address.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection.</source>
        <translation>The server cannot be reached. Check the network connection.</translation>
    </message>
    <message>
        <source>The server did not accept the request. Update the app or ask the print admin.</source>
        <translation>The server did not accept the request. Update the app or ask the print admin.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Your session has ended. Sign in again.</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>You are not allowed to do that.</translation>
    </message>
    <message>
        <source>The server does not know this request. Check the server address.</source>
        <translation>The server does not know this request. Check the server address.</translation>
    </message>
    <message>
        <source>The document is too large for the server.</source>
        <translation>The document is too large for the server.</translation>
    </message>
    <message>
        <source>The server accepts only secure connections. Use an address that starts with https://.</source>
        <translation>The server accepts only secure connections. Use an address that starts with https://.</translation>
    </message>
    <message>
        <source>There were too many attempts. Wait a few minutes and try again.</source>
        <translation>There were too many attempts. Wait a few minutes and try again.</translation>
    </message>
    <message>
        <source>The server is starting or busy. Try again in a moment.</source>
        <translation>The server is starting or busy. Try again in a moment.</translation>
    </message>
    <message>
        <source>The server had a problem. Try again later or ask the print admin.</source>
        <translation>The server had a problem. Try again later or ask the print admin.</translation>
    </message>
    <message>
        <source>The server answered with an unexpected error (HTTP %1). Try again later.</source>
        <translation>The server answered with an unexpected error (HTTP %1). Try again later.</translation>
    </message>
</context>
<context>
    <name>CaptureServer</name>
    <message>
        <source>The folder %1 for print capture cannot be created (%2).</source>
        <translation>The folder %1 for print capture cannot be created (%2).</translation>
    </message>
    <message>
        <source>The folder %1 for print capture is not private to you. Log out and in again; if this keeps happening, ask IT support.</source>
        <translation>The folder %1 for print capture is not private to you. Log out and in again; if this keeps happening, ask IT support.</translation>
    </message>
    <message>
        <source>Another MPS app is already receiving print jobs for you.</source>
        <translation>Another MPS app is already receiving print jobs for you.</translation>
    </message>
    <message>
        <source>Print capture cannot start (%1).</source>
        <translation>Print capture cannot start (%1).</translation>
    </message>
</context>
<context>
    <name>ClientApplication</name>
    <message>
        <source>MPS Secure Print</source>
        <translation>MPS Secure Print</translation>
    </message>
    <message>
        <source>Printing to MPS Secure Print is not available</source>
        <translation>Printing to MPS Secure Print is not available</translation>
    </message>
    <message>
        <source>A printed document was not sent</source>
        <translation>A printed document was not sent</translation>
    </message>
    <message>
        <source>Documents you printed are waiting. Sign in to send them to the print server.</source>
        <translation>Documents you printed are waiting. Sign in to send them to the print server.</translation>
    </message>
    <message>
        <source>A printed document is waiting</source>
        <translation>A printed document is waiting</translation>
    </message>
</context>
<context>
    <name>DeviceListModel</name>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>Supplies</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Only print admins see the printers&apos; state. Sign in as a print admin.</source>
        <translation>Only print admins see the printers&apos; state. Sign in as a print admin.</translation>
    </message>
    <message>
        <source>This print server does not monitor printers yet. Ask the print admin to update it.</source>
        <translation>This print server does not monitor printers yet. Ask the print admin to update it.</translation>
    </message>
    <message>
        <source>The printers could not be loaded: %1</source>
        <translation>The printers could not be loaded: %1</translation>
    </message>
    <message>
        <source>The print server&apos;s answer was not understood. Ask the print admin to update it.</source>
        <translation>The print server&apos;s answer was not understood. Ask the print admin to update it.</translation>
    </message>
</context>
<context>
    <name>DeviceText</name>
    <message>
        <source>not answering</source>
        <translation>not answering</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>Not answering</source>
        <translation>Not answering</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>paper low</source>
        <translation>paper low</translation>
    </message>
    <message>
        <source>toner low</source>
        <translation>toner low</translation>
    </message>
    <message>
        <source>waste toner container full</source>
        <translation>waste toner container full</translation>
    </message>
    <message>
        <source>waste toner container almost full</source>
        <translation>waste toner container almost full</translation>
    </message>
    <message>
        <source>needs service</source>
        <translation>needs service</translation>
    </message>
    <message>
        <source>Toner</source>
        <translation>Toner</translation>
    </message>
    <message>
        <source>Ink</source>
        <translation>Ink</translation>
    </message>
    <message>
        <source>Waste toner container</source>
        <translation>Waste toner container</translation>
    </message>
    <message>
        <source>Drum</source>
        <translation>Drum</translation>
    </message>
    <message>
        <source>Fuser</source>
        <translation>Fuser</translation>
    </message>
    <message>
        <source>Staples</source>
        <translation>Staples</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>Supply</translation>
    </message>
    <message>
        <source>some left</source>
        <translation>some left</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>runs out today</source>
        <translation>runs out today</translation>
    </message>
    <message numerus="yes">
        <source>runs out in about %n day(s)</source>
        <translation>
            <numerusform>runs out in about %n day</numerusform>
            <numerusform>runs out in about %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>uses about %1% a day</source>
        <translation>uses about %1% a day</translation>
    </message>
    <message>
        <source>%1 outside MPS</source>
        <translation>%1 outside MPS</translation>
    </message>
    <message>
        <source>Since its counter was first read the printer counted %1 pages; MPS released %2 there. The %3 in between were copies, direct prints or reports.</source>
        <translation>Since its counter was first read the printer counted %1 pages; MPS released %2 there. The %3 in between were copies, direct prints or reports.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <source>Needs attention now: a fault, or not answering</source>
        <translation>Needs attention now: a fault, or not answering</translation>
    </message>
    <message>
        <source>A supply is empty or low: replace it soon</source>
        <translation>A supply is empty or low: replace it soon</translation>
    </message>
    <message>
        <source>A supply will run out within the forecast days</source>
        <translation>A supply will run out within the forecast days</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>Fine</translation>
    </message>
    <message>
        <source>Printer fault cleared</source>
        <translation>Printer fault cleared</translation>
    </message>
    <message>
        <source>%1: %2 is over.</source>
        <translation>%1: %2 is over.</translation>
    </message>
    <message>
        <source>Printer answers again</source>
        <translation>Printer answers again</translation>
    </message>
    <message>
        <source>%1 answers again.</source>
        <translation>%1 answers again.</translation>
    </message>
    <message>
        <source>Supply all clear</source>
        <translation>Supply all clear</translation>
    </message>
    <message>
        <source>%1 at %2 is at %3% again.</source>
        <translation>%1 at %2 is at %3% again.</translation>
    </message>
    <message>
        <source>%1 at %2 no longer needs replacing.</source>
        <translation>%1 at %2 no longer needs replacing.</translation>
    </message>
    <message>
        <source>Printer fault still open</source>
        <translation>Printer fault still open</translation>
    </message>
    <message>
        <source>Printer fault</source>
        <translation>Printer fault</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Printer still not answering</source>
        <translation>Printer still not answering</translation>
    </message>
    <message>
        <source>Printer not answering</source>
        <translation>Printer not answering</translation>
    </message>
    <message>
        <source>%1 has not answered since %2.</source>
        <translation>%1 has not answered since %2.</translation>
    </message>
    <message>
        <source>%1 does not answer.</source>
        <translation>%1 does not answer.</translation>
    </message>
    <message>
        <source>Supply still running out</source>
        <translation>Supply still running out</translation>
    </message>
    <message>
        <source>Supply running out</source>
        <translation>Supply running out</translation>
    </message>
    <message numerus="yes">
        <source>%1 at %2 runs out in about %n day(s).</source>
        <translation>
            <numerusform>%1 at %2 runs out in about %n day.</numerusform>
            <numerusform>%1 at %2 runs out in about %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 at %2 runs out today.</source>
        <translation>%1 at %2 runs out today.</translation>
    </message>
    <message>
        <source>%1 at %2 is empty. Replace it.</source>
        <translation>%1 at %2 is empty. Replace it.</translation>
    </message>
    <message>
        <source>%1 at %2 is at %3%. Replace it soon.</source>
        <translation>%1 at %2 is at %3%. Replace it soon.</translation>
    </message>
    <message>
        <source>%1 at %2 is low. Replace it soon.</source>
        <translation>%1 at %2 is low. Replace it soon.</translation>
    </message>
    <message>
        <source>Supply still low</source>
        <translation>Supply still low</translation>
    </message>
    <message>
        <source>Supply low</source>
        <translation>Supply low</translation>
    </message>
    <message>
        <source>No supplies reported</source>
        <translation>No supplies reported</translation>
    </message>
    <message>
        <source>No supply history yet</source>
        <translation>No supply history yet</translation>
    </message>
    <message>
        <source>Supply levels, last 30 days</source>
        <translation>Supply levels, last 30 days</translation>
    </message>
</context>
<context>
    <name>DevicesWindow</name>
    <message>
        <source>Only print admins see the printers and the order list. Sign in as a print admin.</source>
        <translation>Only print admins see the printers and the order list. Sign in as a print admin.</translation>
    </message>
    <message>
        <source>This print server does not monitor printers yet. Ask the print admin to update it.</source>
        <translation>This print server does not monitor printers yet. Ask the print admin to update it.</translation>
    </message>
    <message>
        <source>Devices - MPS</source>
        <translation>Devices - MPS</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Order list</source>
        <translation>Order list</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Location:</translation>
    </message>
    <message>
        <source>Shows the printers whose location starts with this text (a building or a floor)</source>
        <translation>Shows the printers whose location starts with this text (a building or a floor)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Days ahead:</source>
        <translation>&amp;Days ahead:</translation>
    </message>
    <message>
        <source>Also order supplies forecast to run out within this many days</source>
        <translation>Also order supplies forecast to run out within this many days</translation>
    </message>
    <message>
        <source>L&amp;ocation:</source>
        <translation>L&amp;ocation:</translation>
    </message>
    <message>
        <source>Only printers whose location starts with this text (a building or a floor)</source>
        <translation>Only printers whose location starts with this text (a building or a floor)</translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation>R&amp;efresh</translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation>&amp;Export CSV...</translation>
    </message>
    <message>
        <source>Save this order list as a CSV file for the purchasing office</source>
        <translation>Save this order list as a CSV file for the purchasing office</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>All locations</translation>
    </message>
    <message>
        <source>Loading the printers...</source>
        <translation>Loading the printers...</translation>
    </message>
    <message>
        <source>No printer&apos;s location starts with &quot;%1&quot;. Choose another location.</source>
        <translation>No printer&apos;s location starts with &quot;%1&quot;. Choose another location.</translation>
    </message>
    <message>
        <source>No printers are registered yet. Add them with mps-admin printer add.</source>
        <translation>No printers are registered yet. Add them with mps-admin printer add.</translation>
    </message>
    <message numerus="yes">
        <source>%n printer(s)</source>
        <translation>
            <numerusform>%n printer</numerusform>
            <numerusform>%n printers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n printer(s)</source>
        <translation>
            <numerusform>%1 of %n printer</numerusform>
            <numerusform>%1 of %n printers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n need(s) attention</source>
        <translation>
            <numerusform>%1, %n needs attention</numerusform>
            <numerusform>%1, %n need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, all fine</source>
        <translation>%1, all fine</translation>
    </message>
    <message>
        <source>Loading the order list...</source>
        <translation>Loading the order list...</translation>
    </message>
    <message numerus="yes">
        <source>Nothing to order: no supply is low or runs out within %n day(s).</source>
        <translation>
            <numerusform>Nothing to order: no supply is low or runs out within %n day.</numerusform>
            <numerusform>Nothing to order: no supply is low or runs out within %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needed now: supplies at or below %1%. Needed soon: supplies forecast to run out within %n day(s). Each printer is listed with its level.</source>
        <translation>
            <numerusform>Needed now: supplies at or below %1%. Needed soon: supplies forecast to run out within %n day. Each printer is listed with its level.</numerusform>
            <numerusform>Needed now: supplies at or below %1%. Needed soon: supplies forecast to run out within %n days. Each printer is listed with its level.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Loading...</translation>
    </message>
    <message>
        <source>Select a printer to see its details and open alerts.</source>
        <translation>Select a printer to see its details and open alerts.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Open alerts: %1</source>
        <translation>Open alerts: %1</translation>
    </message>
    <message>
        <source>Page counter: %1</source>
        <translation>Page counter: %1</translation>
    </message>
    <message>
        <source>Last seen: %1. Checked: %2. Address: %3 (%4).</source>
        <translation>Last seen: %1. Checked: %2. Address: %3 (%4).</translation>
    </message>
    <message>
        <source>The order list could not be loaded: %1</source>
        <translation>The order list could not be loaded: %1</translation>
    </message>
    <message>
        <source>The print server&apos;s answer was not understood. Ask the print admin to update it.</source>
        <translation>The print server&apos;s answer was not understood. Ask the print admin to update it.</translation>
    </message>
    <message>
        <source>supplies-order-%1</source>
        <translation>supplies-order-%1</translation>
    </message>
    <message>
        <source>Export the order list</source>
        <translation>Export the order list</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Exporting the order list...</source>
        <translation>Exporting the order list...</translation>
    </message>
    <message>
        <source>The order list was not exported: %1</source>
        <translation>The order list was not exported: %1</translation>
    </message>
    <message>
        <source>The order list could not be saved as %1 (%2). Choose another folder.</source>
        <translation>The order list could not be saved as %1 (%2). Choose another folder.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
</context>
<context>
    <name>EventStream</name>
    <message>
        <source>The server sent something other than events. Check the server address.</source>
        <translation>The server sent something other than events. Check the server address.</translation>
    </message>
    <message>
        <source>The connection to the server was closed. Reconnecting.</source>
        <translation>The connection to the server was closed. Reconnecting.</translation>
    </message>
</context>
<context>
    <name>FaxConfirm</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FaxContactDialog</name>
    <message>
        <source>New phone book entry</source>
        <translation>New phone book entry</translation>
    </message>
    <message>
        <source>Change phone book entry</source>
        <translation>Change phone book entry</translation>
    </message>
    <message>
        <source>e.g. 02-123-4567</source>
        <translation>e.g. 02-123-4567</translation>
    </message>
    <message>
        <source>My own phone book</source>
        <translation>My own phone book</translation>
    </message>
    <message>
        <source>Shared with %1</source>
        <translation>Shared with %1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Fax number:</source>
        <translation>&amp;Fax number:</translation>
    </message>
    <message>
        <source>&amp;Phone book:</source>
        <translation>&amp;Phone book:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Saved as %1</translation>
    </message>
</context>
<context>
    <name>FaxContactModel</name>
    <message>
        <source>[%1]</source>
        <translation>[%1]</translation>
    </message>
    <message>
        <source>Shared phone book of %1</source>
        <translation>Shared phone book of %1</translation>
    </message>
    <message>
        <source>Your own phone book</source>
        <translation>Your own phone book</translation>
    </message>
</context>
<context>
    <name>FaxCoverPage</name>
    <message>
        <source>Fax cover page</source>
        <translation>Fax cover page</translation>
    </message>
    <message>
        <source>FAX</source>
        <translation>FAX</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Fax number</source>
        <translation>Fax number</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s), this cover included</source>
        <translation>
            <numerusform>%n page, this cover included</numerusform>
            <numerusform>%n pages, this cover included</numerusform>
        </translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>FaxDialog</name>
    <message numerus="yes">
        <source>Sent to the fax server: %n fax(es) queued. Sent faxes in the tray menu shows how they go.</source>
        <translation>
            <numerusform>Sent to the fax server: %n fax queued. Sent faxes in the tray menu shows how they go.</numerusform>
            <numerusform>Sent to the fax server: %n faxes queued. Sent faxes in the tray menu shows how they go.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add who the fax goes to, check the pages, then press Send fax.</source>
        <translation>Add who the fax goes to, check the pages, then press Send fax.</translation>
    </message>
    <message>
        <source>Send fax - MPS</source>
        <translation>Send fax - MPS</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Cover page</source>
        <translation>Cover page</translation>
    </message>
    <message>
        <source>Add a cover page</source>
        <translation>Add a cover page</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Subject:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>The recipients&apos; names</source>
        <translation>The recipients&apos; names</translation>
    </message>
    <message>
        <source>e.g. Signed contract for review</source>
        <translation>e.g. Signed contract for review</translation>
    </message>
    <message>
        <source>&amp;Send fax</source>
        <translation>&amp;Send fax</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>No document yet. Choose &quot;Send fax...&quot; in the tray menu and pick a file, or print to &quot;MPS Fax&quot; from any program.</source>
        <translation>No document yet. Choose &quot;Send fax...&quot; in the tray menu and pick a file, or print to &quot;MPS Fax&quot; from any program.</translation>
    </message>
    <message>
        <source>Sending %1 to the server...</source>
        <translation>Sending %1 to the server...</translation>
    </message>
    <message>
        <source>The pages appear here once the document is on the server.</source>
        <translation>The pages appear here once the document is on the server.</translation>
    </message>
    <message>
        <source>Preparing %1 for faxing...</source>
        <translation>Preparing %1 for faxing...</translation>
    </message>
    <message>
        <source>Opening the printed document...</source>
        <translation>Opening the printed document...</translation>
    </message>
    <message>
        <source>Updating the cover page...</source>
        <translation>Updating the cover page...</translation>
    </message>
    <message>
        <source>Sending the fax...</source>
        <translation>Sending the fax...</translation>
    </message>
    <message>
        <source>There is no document to fax. Close this window and try again with another file.</source>
        <translation>There is no document to fax. Close this window and try again with another file.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n page(s) with the cover page</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n page with the cover page</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n pages with the cover page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n page(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n page</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No document yet.</source>
        <translation>No document yet.</translation>
    </message>
    <message numerus="yes">
        <source>The cover page says %n page(s) in all, itself included.</source>
        <translation>
            <numerusform>The cover page says %n page in all, itself included.</numerusform>
            <numerusform>The cover page says %n pages in all, itself included.</numerusform>
        </translation>
    </message>
    <message>
        <source>The cover page could not be drawn. Send without it or try again.</source>
        <translation>The cover page could not be drawn. Send without it or try again.</translation>
    </message>
    <message>
        <source>Discard fax</source>
        <translation>Discard fax</translation>
    </message>
    <message>
        <source>Close without sending? %1 is deleted from the server and not faxed.</source>
        <translation>Close without sending? %1 is deleted from the server and not faxed.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>my name, my department</comment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>FaxForwardDialog</name>
    <message>
        <source>Forward fax - MPS</source>
        <translation>Forward fax - MPS</translation>
    </message>
    <message numerus="yes">
        <source>Forward the fax from %1 (%n page(s)) to:</source>
        <translation>
            <numerusform>Forward the fax from %1 (%n page) to:</numerusform>
            <numerusform>Forward the fax from %1 (%n pages) to:</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Forwarding the fax...</source>
        <translation>Forwarding the fax...</translation>
    </message>
    <message numerus="yes">
        <source>Forwarded: %n fax(es) queued.</source>
        <translation>
            <numerusform>Forwarded: %n fax queued.</numerusform>
            <numerusform>Forwarded: %n faxes queued.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FaxInboxModel</name>
    <message>
        <source>Only part of this fax arrived: %1</source>
        <translation>Only part of this fax arrived: %1</translation>
    </message>
    <message>
        <source>Unknown sender</source>
        <translation>Unknown sender</translation>
    </message>
    <message>
        <source>%1 (incomplete)</source>
        <translation>%1 (incomplete)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Fax number</source>
        <translation>Fax number</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Mailbox</translation>
    </message>
</context>
<context>
    <name>FaxInboxWindow</name>
    <message>
        <source>Fax deleted.</source>
        <translation>Fax deleted.</translation>
    </message>
    <message>
        <source>Fax inbox - MPS</source>
        <translation>Fax inbox - MPS</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>&amp;Save as PDF...</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>Hold the fax as a print job; release it at any MFP</source>
        <translation>Hold the fax as a print job; release it at any MFP</translation>
    </message>
    <message>
        <source>&amp;Forward...</source>
        <translation>&amp;Forward...</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>&amp;Block sender</source>
        <translation>&amp;Block sender</translation>
    </message>
    <message>
        <source>Faxes from this number are no longer received for you</source>
        <translation>Faxes from this number are no longer received for you</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Faxes</source>
        <translation>Faxes</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Select a fax to see its pages.</source>
        <translation>Select a fax to see its pages.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Received %2 for %3, %n page(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Received %2 for %3, %n page.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Received %2 for %3, %n pages.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only part of this fax arrived. Ask the sender to send it again.</source>
        <translation>Only part of this fax arrived. Ask the sender to send it again.</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Loading...</translation>
    </message>
    <message>
        <source>No faxes received.

Faxes sent to your fax number or your department&apos;s arrive here and are never printed by themselves. The tray tells you when one arrives.</source>
        <translation>No faxes received.

Faxes sent to your fax number or your department&apos;s arrive here and are never printed by themselves. The tray tells you when one arrives.</translation>
    </message>
    <message>
        <source>Fax from %1 %2</source>
        <translation>Fax from %1 %2</translation>
    </message>
    <message>
        <source>Save fax as PDF</source>
        <translation>Save fax as PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Saving...</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2. Choose another folder.</source>
        <translation>%1 could not be saved: %2. Choose another folder.</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Saved as %1.</translation>
    </message>
    <message>
        <source>Held as a print job: release it at any MFP with your card.</source>
        <translation>Held as a print job: release it at any MFP with your card.</translation>
    </message>
    <message numerus="yes">
        <source>Forwarded: %n fax(es) queued. Sent faxes shows how they go.</source>
        <translation>
            <numerusform>Forwarded: %n fax queued. Sent faxes shows how they go.</numerusform>
            <numerusform>Forwarded: %n faxes queued. Sent faxes shows how they go.</numerusform>
        </translation>
    </message>
    <message>
        <source>Block sender</source>
        <translation>Block sender</translation>
    </message>
    <message>
        <source>Block %1? Faxes from this sender will no longer reach you; they are not stored.</source>
        <translation>Block %1? Faxes from this sender will no longer reach you; they are not stored.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Faxes from %1 are blocked.</source>
        <translation>Faxes from %1 are blocked.</translation>
    </message>
    <message>
        <source>Delete fax</source>
        <translation>Delete fax</translation>
    </message>
    <message>
        <source>Delete the fax from %1 for everyone in %2? It cannot be brought back.</source>
        <translation>Delete the fax from %1 for everyone in %2? It cannot be brought back.</translation>
    </message>
    <message>
        <source>Delete the fax from %1? It cannot be brought back.</source>
        <translation>Delete the fax from %1? It cannot be brought back.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Add to &amp;phone book...</source>
        <translation>Add to &amp;phone book...</translation>
    </message>
    <message>
        <source>Add to phone book</source>
        <translation>Add to phone book</translation>
    </message>
    <message>
        <source>Keep the sender&apos;s number in your phone book</source>
        <translation>Keep the sender&apos;s number in your phone book</translation>
    </message>
    <message>
        <source>Added to your phone book.</source>
        <translation>Added to your phone book.</translation>
    </message>
</context>
<context>
    <name>FaxPagePreview</name>
    <message>
        <source>&amp;Zoom:</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>Fit to width</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>This page cannot be shown right now.</source>
        <translation>This page cannot be shown right now.</translation>
    </message>
</context>
<context>
    <name>FaxRecipientModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Fax number</source>
        <translation>Fax number</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s)</source>
        <translation>
            <numerusform>%1 and %n other</numerusform>
            <numerusform>%1 and %n others</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FaxRecipientsPanel</name>
    <message>
        <source>Phone book saved.</source>
        <translation>Phone book saved.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Who receives it, e.g. Seocho-gu Office</source>
        <translation>Who receives it, e.g. Seocho-gu Office</translation>
    </message>
    <message>
        <source>Fax &amp;number:</source>
        <translation>Fax &amp;number:</translation>
    </message>
    <message>
        <source>e.g. 02-123-4567</source>
        <translation>e.g. 02-123-4567</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Add this name and number to the recipients</source>
        <translation>Add this name and number to the recipients</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Recipients:</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Add to &amp;phone book...</source>
        <translation>Add to &amp;phone book...</translation>
    </message>
    <message>
        <source>Phone book:</source>
        <translation>Phone book:</translation>
    </message>
    <message>
        <source>Search by name or number</source>
        <translation>Search by name or number</translation>
    </message>
    <message>
        <source>Your phone book is empty. Add a recipient and choose &quot;Add to phone book&quot;, or choose &quot;New...&quot;.</source>
        <translation>Your phone book is empty. Add a recipient and choose &quot;Add to phone book&quot;, or choose &quot;New...&quot;.</translation>
    </message>
    <message>
        <source>No entry matches. Check the spelling, or search by part of the number.</source>
        <translation>No entry matches. Check the spelling, or search by part of the number.</translation>
    </message>
    <message>
        <source>Add to recipients</source>
        <translation>Add to recipients</translation>
    </message>
    <message>
        <source>New...</source>
        <translation>New...</translation>
    </message>
    <message>
        <source>Change...</source>
        <translation>Change...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Type the number as you would dial it from a desk phone, without the outside-line digit.</source>
        <translation>Type the number as you would dial it from a desk phone, without the outside-line digit.</translation>
    </message>
    <message>
        <source>Will be sent to %1</source>
        <translation>Will be sent to %1</translation>
    </message>
    <message>
        <source>%1 is already a recipient.</source>
        <translation>%1 is already a recipient.</translation>
    </message>
    <message>
        <source>Delete %1 (%2) from the shared phone book of %3? Everyone in the department loses it.</source>
        <translation>Delete %1 (%2) from the shared phone book of %3? Everyone in the department loses it.</translation>
    </message>
    <message>
        <source>Delete %1 (%2) from your phone book?</source>
        <translation>Delete %1 (%2) from your phone book?</translation>
    </message>
    <message>
        <source>Delete phone book entry</source>
        <translation>Delete phone book entry</translation>
    </message>
</context>
<context>
    <name>FaxText</name>
    <message>
        <source>Enter the fax number.</source>
        <translation>Enter the fax number.</translation>
    </message>
    <message>
        <source>A fax number has only digits, spaces, dashes, dots and brackets, with # before a sub-address. Check %1.</source>
        <translation>A fax number has only digits, spaces, dashes, dots and brackets, with # before a sub-address. Check %1.</translation>
    </message>
    <message>
        <source>%1 is too short for a fax number. Check that the area code and every digit are there.</source>
        <translation>%1 is too short for a fax number. Check that the area code and every digit are there.</translation>
    </message>
    <message>
        <source>%1 is too long for a fax number. Check it for extra digits.</source>
        <translation>%1 is too long for a fax number. Check it for extra digits.</translation>
    </message>
    <message>
        <source>%1 does not start with a Korean area code such as 02, 031 or 010. Check the first digits.</source>
        <translation>%1 does not start with a Korean area code such as 02, 031 or 010. Check the first digits.</translation>
    </message>
    <message>
        <source>%1 is a number abroad. Faxes go only to numbers in Korea; ask the print admin about other countries.</source>
        <translation>%1 is a number abroad. Faxes go only to numbers in Korea; ask the print admin about other countries.</translation>
    </message>
    <message>
        <source>The sub-address after # in %1 must be digits only, at most 20.</source>
        <translation>The sub-address after # in %1 must be digits only, at most 20.</translation>
    </message>
    <message>
        <source>The line was busy each time it was called. Send it again later.</source>
        <translation>The line was busy each time it was called. Send it again later.</translation>
    </message>
    <message>
        <source>Nobody answered. Check that the receiving fax machine is on, then send it again.</source>
        <translation>Nobody answered. Check that the receiving fax machine is on, then send it again.</translation>
    </message>
    <message>
        <source>A telephone or another device answered, not a fax machine. Check the number.</source>
        <translation>A telephone or another device answered, not a fax machine. Check the number.</translation>
    </message>
    <message>
        <source>The call was cut off or the line was too poor. Send it again.</source>
        <translation>The call was cut off or the line was too poor. Send it again.</translation>
    </message>
    <message>
        <source>The fax line does not accept this number. Check the number.</source>
        <translation>The fax line does not accept this number. Check the number.</translation>
    </message>
    <message>
        <source>The fax server refused the fax. Ask the print admin.</source>
        <translation>The fax server refused the fax. Ask the print admin.</translation>
    </message>
    <message>
        <source>The fax server could not be reached for a long time. Send it again later or ask the print admin.</source>
        <translation>The fax server could not be reached for a long time. Send it again later or ask the print admin.</translation>
    </message>
    <message>
        <source>The fax was cancelled.</source>
        <translation>The fax was cancelled.</translation>
    </message>
    <message>
        <source>The fax could not be sent for a reason the fax server did not give. Send it again or ask the print admin.</source>
        <translation>The fax could not be sent for a reason the fax server did not give. Send it again or ask the print admin.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Waiting for a free line</source>
        <translation>Waiting for a free line</translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation>Dialling</translation>
    </message>
    <message>
        <source>Sending page %1 of %2</source>
        <translation>Sending page %1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>Sent, %n page(s) in %1</source>
        <translation>
            <numerusform>Sent, %n page in %1</numerusform>
            <numerusform>Sent, %n pages in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(received by %1)</source>
        <translation>(received by %1)</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Not sent after %1 of %2 pages: %3</source>
        <translation>Not sent after %1 of %2 pages: %3</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>Nothing was sent. %1</source>
        <translation>Nothing was sent. %1</translation>
    </message>
    <message>
        <source>Nothing was sent: the number %1 is not valid. Check it.</source>
        <translation>Nothing was sent: the number %1 is not valid. Check it.</translation>
    </message>
    <message>
        <source>Add at least one recipient with a fax number.</source>
        <translation>Add at least one recipient with a fax number.</translation>
    </message>
    <message numerus="yes">
        <source>A fax can go to at most %n recipient(s) at once. Remove some and send the rest afterwards.</source>
        <translation>
            <numerusform>A fax can go to at most %n recipient at once. Remove some and send the rest afterwards.</numerusform>
            <numerusform>A fax can go to at most %n recipients at once. Remove some and send the rest afterwards.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are too many recipients for one fax. Remove some and send the rest afterwards.</source>
        <translation>There are too many recipients for one fax. Remove some and send the rest afterwards.</translation>
    </message>
    <message>
        <source>Faxing is not set up on the server. Ask the print admin.</source>
        <translation>Faxing is not set up on the server. Ask the print admin.</translation>
    </message>
    <message>
        <source>This fax has already moved on (sent, finished or cancelled). The list shows where it is now.</source>
        <translation>This fax has already moved on (sent, finished or cancelled). The list shows where it is now.</translation>
    </message>
    <message>
        <source>This fax&apos;s document is no longer kept on the server. Send the document again from its program.</source>
        <translation>This fax&apos;s document is no longer kept on the server. Send the document again from its program.</translation>
    </message>
    <message>
        <source>The cover page could not be added. Turn the cover page off and on again, or send without it.</source>
        <translation>The cover page could not be added. Turn the cover page off and on again, or send without it.</translation>
    </message>
    <message>
        <source>This fax is no longer there: it was deleted or has expired.</source>
        <translation>This fax is no longer there: it was deleted or has expired.</translation>
    </message>
    <message>
        <source>Only the person who added this entry, the department&apos;s heads and admins may change it.</source>
        <translation>Only the person who added this entry, the department&apos;s heads and admins may change it.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Fax sent</source>
        <translation>Fax sent</translation>
    </message>
    <message>
        <source>%1 was sent to %2.</source>
        <translation>%1 was sent to %2.</translation>
    </message>
    <message>
        <source>Fax not sent</source>
        <translation>Fax not sent</translation>
    </message>
    <message>
        <source>%1 to %2 was not sent. %3 You can send it again from Sent faxes.</source>
        <translation>%1 to %2 was not sent. %3 You can send it again from Sent faxes.</translation>
    </message>
    <message>
        <source>an unknown sender</source>
        <translation>an unknown sender</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) from %1 for %2.</source>
        <translation>
            <numerusform>%n page from %1 for %2.</numerusform>
            <numerusform>%n pages from %1 for %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) from %1.</source>
        <translation>
            <numerusform>%n page from %1.</numerusform>
            <numerusform>%n pages from %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only part of it arrived.</source>
        <translation>Only part of it arrived.</translation>
    </message>
    <message>
        <source>New fax</source>
        <translation>New fax</translation>
    </message>
    <message>
        <source>Open the fax inbox to read it.</source>
        <translation>Open the fax inbox to read it.</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>yesterday %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Unrouted</source>
        <translation>Unrouted</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>line busy</source>
        <translation>line busy</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>not a fax machine</source>
        <translation>not a fax machine</translation>
    </message>
    <message>
        <source>call cut off</source>
        <translation>call cut off</translation>
    </message>
    <message>
        <source>number not accepted</source>
        <translation>number not accepted</translation>
    </message>
    <message>
        <source>refused by the fax server</source>
        <translation>refused by the fax server</translation>
    </message>
    <message>
        <source>fax server unreachable</source>
        <translation>fax server unreachable</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>reason unknown</source>
        <translation>reason unknown</translation>
    </message>
    <message>
        <source>The fax line cannot be reached right now, so this could not be done. Try again in a few minutes.</source>
        <translation>The fax line cannot be reached right now, so this could not be done. Try again in a few minutes.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>History - MPS Secure Print</source>
        <translation>History - MPS Secure Print</translation>
    </message>
    <message numerus="yes">
        <source>What became of your print jobs in the last %n days.</source>
        <translation>
            <numerusform>What became of your print jobs in the last day.</numerusform>
            <numerusform>What became of your print jobs in the last %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>The server sent an answer this app does not understand. Try again later.</source>
        <translation>The server sent an answer this app does not understand. Try again later.</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Loading...</translation>
    </message>
    <message numerus="yes">
        <source>Nothing yet in the last %n days.

Jobs you print, delete or leave to expire are listed here, with where and when they printed and what they cost.</source>
        <translation>
            <numerusform>Nothing yet in the last day.

Jobs you print, delete or leave to expire are listed here, with where and when they printed and what they cost.</numerusform>
            <numerusform>Nothing yet in the last %n days.

Jobs you print, delete or leave to expire are listed here, with where and when they printed and what they cost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobItemDelegate</name>
    <message>
        <source>today %1</source>
        <translation>today %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>tomorrow %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>yesterday %1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Two-sided</source>
        <translation>Two-sided</translation>
    </message>
    <message>
        <source>One-sided</source>
        <translation>One-sided</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>Submitted %1</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Expires %1</translation>
    </message>
    <message>
        <source>Sending to %1...</source>
        <translation>Sending to %1...</translation>
    </message>
    <message>
        <source>Printing at %1</source>
        <translation>Printing at %1</translation>
    </message>
    <message>
        <source>Not printed last time; still held</source>
        <translation>Not printed last time; still held</translation>
    </message>
    <message>
        <source>Not printed at %1; still held</source>
        <translation>Not printed at %1; still held</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>about %1</translation>
    </message>
    <message>
        <source>Not printed: over the monthly quota; still held</source>
        <translation>Not printed: over the monthly quota; still held</translation>
    </message>
</context>
<context>
    <name>JobListModel</name>
    <message>
        <source>The server sent an answer this app does not understand. Try again later.</source>
        <translation>The server sent an answer this app does not understand. Try again later.</translation>
    </message>
    <message>
        <source>You are not signed in. Sign in and try again.</source>
        <translation>You are not signed in. Sign in and try again.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Job %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>JobOptionsDialog</name>
    <message>
        <source>Print options</source>
        <translation>Print options</translation>
    </message>
    <message numerus="yes">
        <source>Change how the %n selected job(s) will print.</source>
        <translation>
            <numerusform>Change how the selected job will print.</numerusform>
            <numerusform>Change how the %n selected jobs will print.</numerusform>
        </translation>
    </message>
    <message>
        <source>One-sided</source>
        <translation>One-sided</translation>
    </message>
    <message>
        <source>Two-sided (long edge, like a book)</source>
        <translation>Two-sided (long edge, like a book)</translation>
    </message>
    <message>
        <source>Two-sided (short edge, like a calendar)</source>
        <translation>Two-sided (short edge, like a calendar)</translation>
    </message>
    <message>
        <source>As in the document</source>
        <translation>As in the document</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <source>&amp;Copies:</source>
        <translation>&amp;Copies:</translation>
    </message>
    <message>
        <source>&amp;Sides:</source>
        <translation>&amp;Sides:</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>C&amp;olour:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>JobUploader</name>
    <message>
        <source>%1 could not be read as a picture.</source>
        <translation>%1 could not be read as a picture.</translation>
    </message>
    <message>
        <source>You are not signed in. Sign in and try again.</source>
        <translation>You are not signed in. Sign in and try again.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be printed from here. Drop PDF, office documents, text files or pictures, or print it from its application.</source>
        <translation>%1 cannot be printed from here. Drop PDF, office documents, text files or pictures, or print it from its application.</translation>
    </message>
</context>
<context>
    <name>MemberUsageModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no quota</source>
        <translation>no quota</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Sheets</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Quota used</source>
        <translation>Quota used</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>%1 over</translation>
    </message>
</context>
<context>
    <name>MyJobsWindow</name>
    <message>
        <source>My print jobs - MPS Secure Print</source>
        <translation>My print jobs - MPS Secure Print</translation>
    </message>
    <message>
        <source>%1 of %2: %p%</source>
        <translation>%1 of %2: %p%</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <source>Sending %1...</source>
        <translation>Sending %1...</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) added to your held jobs.</source>
        <translation>
            <numerusform>%n document added to your held jobs.</numerusform>
            <numerusform>%n documents added to your held jobs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some documents were not added</source>
        <translation>Some documents were not added</translation>
    </message>
    <message>
        <source>Print the selected jobs at a printer of your choice</source>
        <translation>Print the selected jobs at a printer of your choice</translation>
    </message>
    <message>
        <source>&amp;Options...</source>
        <translation>&amp;Options...</translation>
    </message>
    <message>
        <source>Change copies, sides and colour of the selected jobs</source>
        <translation>Change copies, sides and colour of the selected jobs</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Delete the selected jobs without printing them</source>
        <translation>Delete the selected jobs without printing them</translation>
    </message>
    <message>
        <source>Print a &amp;file...</source>
        <translation>Print a &amp;file...</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Loading your jobs...</source>
        <translation>Loading your jobs...</translation>
    </message>
    <message>
        <source>Nothing is waiting for you.

Print from any application to the printer &quot;MPS Secure Print&quot;, or drop PDF files and pictures here.</source>
        <translation>Nothing is waiting for you.

Print from any application to the printer &quot;MPS Secure Print&quot;, or drop PDF files and pictures here.</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● Live</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <source>Changes to your jobs appear here as they happen.</source>
        <translation>Changes to your jobs appear here as they happen.</translation>
    </message>
    <message>
        <source>Not connected to the print server; trying again.</source>
        <translation>Not connected to the print server; trying again.</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Signed in as %1</translation>
    </message>
    <message>
        <source>Delete %1? It will not be printed, and it cannot be brought back.</source>
        <translation>Delete %1? It will not be printed, and it cannot be brought back.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n jobs? They will not be printed, and they cannot be brought back.</source>
        <translation>
            <numerusform>Delete %n job? It will not be printed, and it cannot be brought back.</numerusform>
            <numerusform>Delete %n jobs? They will not be printed, and they cannot be brought back.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete jobs</source>
        <translation>Delete jobs</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Deleting...</source>
        <translation>Deleting...</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Saving...</translation>
    </message>
    <message>
        <source>Sending to %1...</source>
        <translation>Sending to %1...</translation>
    </message>
    <message>
        <source>Print a file</source>
        <translation>Print a file</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) deleted.</source>
        <translation>
            <numerusform>%n job deleted.</numerusform>
            <numerusform>%n jobs deleted.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some jobs were not deleted</source>
        <translation>Some jobs were not deleted</translation>
    </message>
    <message numerus="yes">
        <source>Options of %n job(s) changed.</source>
        <translation>
            <numerusform>Options of %n job changed.</numerusform>
            <numerusform>Options of %n jobs changed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some options were not changed</source>
        <translation>Some options were not changed</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) sent to %1. Collect them there.</source>
        <translation>
            <numerusform>%n job sent to %1. Collect it there.</numerusform>
            <numerusform>%n jobs sent to %1. Collect them there.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some jobs were not sent to the printer</source>
        <translation>Some jobs were not sent to the printer</translation>
    </message>
    <message>
        <source>&amp;Print at a printer...</source>
        <translation>&amp;Print at a printer...</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Add a file</source>
        <translation>Add a file</translation>
    </message>
    <message>
        <source>Add a PDF file or a picture to your held jobs</source>
        <translation>Add a PDF file or a picture to your held jobs</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>What is left of your monthly print quota. Open Usage from the tray menu for details.</source>
        <translation>What is left of your monthly print quota. Open Usage from the tray menu for details.</translation>
    </message>
    <message>
        <source>Documents and pictures (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.rtf *.txt *.hwp *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif)</source>
        <translation>Documents and pictures (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.rtf *.txt *.hwp *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif)</translation>
    </message>
</context>
<context>
    <name>NotificationText</name>
    <message>
        <source>Print job held</source>
        <translation>Print job held</translation>
    </message>
    <message numerus="yes">
        <source>%1 held - %n page(s)</source>
        <translation>
            <numerusform>%1 held - %n page</numerusform>
            <numerusform>%1 held - %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not printed at %2 (%3). It is still held: release it again later or choose another printer.</source>
        <translation>%1 was not printed at %2 (%3). It is still held: release it again later or choose another printer.</translation>
    </message>
    <message>
        <source>%1 was not printed. It is still held: release it again later or choose another printer.</source>
        <translation>%1 was not printed. It is still held: release it again later or choose another printer.</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>Held job expires soon</source>
        <translation>Held job expires soon</translation>
    </message>
    <message>
        <source>%1 will be deleted at %2 unless you print it.</source>
        <translation>%1 will be deleted at %2 unless you print it.</translation>
    </message>
    <message>
        <source>Held job expired</source>
        <translation>Held job expired</translation>
    </message>
    <message>
        <source>%1 was not printed in time and has been deleted.</source>
        <translation>%1 was not printed in time and has been deleted.</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>%1 printed at %2</source>
        <translation>%1 printed at %2</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) printed at %1</source>
        <translation>
            <numerusform>%n job printed at %1</numerusform>
            <numerusform>%n jobs printed at %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the printer</source>
        <translation>Check the printer</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Scan not delivered yet</source>
        <translation>Scan not delivered yet</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n page(s)) has not reached your mailbox yet. The print server keeps trying; you need not scan it again.</source>
        <translation>
            <numerusform>%1 (%n page) has not reached your mailbox yet. The print server keeps trying; you need not scan it again.</numerusform>
            <numerusform>%1 (%n pages) has not reached your mailbox yet. The print server keeps trying; you need not scan it again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan not delivered</source>
        <translation>Scan not delivered</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n page(s)) could not be delivered to your mailbox and has been deleted. Scan it again; if it fails again, ask the print admin to check your e-mail address.</source>
        <translation>
            <numerusform>%1 (%n page) could not be delivered to your mailbox and has been deleted. Scan it again; if it fails again, ask the print admin to check your e-mail address.</numerusform>
            <numerusform>%1 (%n pages) could not be delivered to your mailbox and has been deleted. Scan it again; if it fails again, ask the print admin to check your e-mail address.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print server storage low</source>
        <translation>Print server storage low</translation>
    </message>
    <message>
        <source>The print server has %1 MB of storage left (%2 MB kept in reserve). Below the reserve it refuses new print jobs: delete old jobs or enlarge its disk.</source>
        <translation>The print server has %1 MB of storage left (%2 MB kept in reserve). Below the reserve it refuses new print jobs: delete old jobs or enlarge its disk.</translation>
    </message>
    <message>
        <source>Print server storage full</source>
        <translation>Print server storage full</translation>
    </message>
    <message>
        <source>The print server is refusing new print jobs and fax drafts: its storage is down to the %1 MB it keeps in reserve. What people print waits on their computers until there is room. Delete old jobs or enlarge its disk.</source>
        <translation>The print server is refusing new print jobs and fax drafts: its storage is down to the %1 MB it keeps in reserve. What people print waits on their computers until there is room. Delete old jobs or enlarge its disk.</translation>
    </message>
    <message>
        <source>Print server storage has room again</source>
        <translation>Print server storage has room again</translation>
    </message>
    <message>
        <source>The print server has %1 MB of storage free again and takes new print jobs.</source>
        <translation>The print server has %1 MB of storage free again and takes new print jobs.</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>Supplies at or below %1% now</source>
        <translation>Supplies at or below %1% now</translation>
    </message>
    <message numerus="yes">
        <source>Supplies forecast to run out within %n day(s)</source>
        <translation>
            <numerusform>Supplies forecast to run out within %n day</numerusform>
            <numerusform>Supplies forecast to run out within %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>Supply</translation>
    </message>
    <message>
        <source>Need now</source>
        <translation>Need now</translation>
    </message>
    <message>
        <source>Need soon</source>
        <translation>Need soon</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The outbox folder %1 cannot be created (%2). Ask IT support to install MPS again.</source>
        <translation>The outbox folder %1 cannot be created (%2). Ask IT support to install MPS again.</translation>
    </message>
    <message>
        <source>The outbox %1 is not a folder. Ask IT support to remove it.</source>
        <translation>The outbox %1 is not a folder. Ask IT support to remove it.</translation>
    </message>
    <message>
        <source>The outbox folder %1 belongs to another user, so printed documents cannot be kept safe. Ask IT support to remove it.</source>
        <translation>The outbox folder %1 belongs to another user, so printed documents cannot be kept safe. Ask IT support to remove it.</translation>
    </message>
    <message>
        <source>The outbox folder %1 is open to other users and cannot be closed (%2).</source>
        <translation>The outbox folder %1 is open to other users and cannot be closed (%2).</translation>
    </message>
    <message>
        <source>The outbox key cannot be published in %1 (%2).</source>
        <translation>The outbox key cannot be published in %1 (%2).</translation>
    </message>
    <message>
        <source>The document cannot be kept in the outbox %1 (%2).</source>
        <translation>The document cannot be kept in the outbox %1 (%2).</translation>
    </message>
    <message>
        <source>The document cannot be kept in the outbox (%1).</source>
        <translation>The document cannot be kept in the outbox (%1).</translation>
    </message>
    <message>
        <source>The document cannot be read (%1).</source>
        <translation>The document cannot be read (%1).</translation>
    </message>
    <message>
        <source>The outbox file %1 cannot be changed (%2).</source>
        <translation>The outbox file %1 cannot be changed (%2).</translation>
    </message>
    <message>
        <source>The outbox file %1 cannot be renamed (%2).</source>
        <translation>The outbox file %1 cannot be renamed (%2).</translation>
    </message>
    <message>
        <source>The outbox file %1 cannot be removed (%2).</source>
        <translation>The outbox file %1 cannot be removed (%2).</translation>
    </message>
    <message>
        <source>The outbox folder %1 cannot be written to disk (%2).</source>
        <translation>The outbox folder %1 cannot be written to disk (%2).</translation>
    </message>
</context>
<context>
    <name>OutboxDevice</name>
    <message>
        <source>The outbox file cannot be opened (%1).</source>
        <translation>The outbox file cannot be opened (%1).</translation>
    </message>
    <message>
        <source>The outbox file is damaged.</source>
        <translation>The outbox file is damaged.</translation>
    </message>
</context>
<context>
    <name>OutboxKeyStore</name>
    <message>
        <source>Access to the keychain was refused, so printed documents cannot be sent. Unlock the keychain and restart MPS.</source>
        <translation>Access to the keychain was refused, so printed documents cannot be sent. Unlock the keychain and restart MPS.</translation>
    </message>
    <message>
        <source>No keychain is available on this desktop, so printed documents cannot be kept safely. Ask IT support.</source>
        <translation>No keychain is available on this desktop, so printed documents cannot be kept safely. Ask IT support.</translation>
    </message>
    <message>
        <source>The keychain could not be used, so printed documents cannot be sent. Restart MPS; if this keeps happening, ask IT support.</source>
        <translation>The keychain could not be used, so printed documents cannot be sent. Restart MPS; if this keeps happening, ask IT support.</translation>
    </message>
    <message>
        <source>The outbox key in the keychain is damaged, so printed documents cannot be sent. Ask IT support.</source>
        <translation>The outbox key in the keychain is damaged, so printed documents cannot be sent. Ask IT support.</translation>
    </message>
</context>
<context>
    <name>OutboxUploader</name>
    <message>
        <source>A printed document could not be opened: it was damaged or kept with a key this desktop no longer has. Print it again.</source>
        <translation>A printed document could not be opened: it was damaged or kept with a key this desktop no longer has. Print it again.</translation>
    </message>
    <message>
        <source>You have as many jobs waiting on the print server as it keeps for one person. Print or delete some in My jobs: what you printed since waits on this computer and is sent by itself then.</source>
        <translation>You have as many jobs waiting on the print server as it keeps for one person. Print or delete some in My jobs: what you printed since waits on this computer and is sent by itself then.</translation>
    </message>
    <message>
        <source>The print server&apos;s storage is full. What you printed waits on this computer and is sent by itself once there is room.</source>
        <translation>The print server&apos;s storage is full. What you printed waits on this computer and is sent by itself once there is room.</translation>
    </message>
</context>
<context>
    <name>PrinterListModel</name>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>paper jam</source>
        <translation>paper jam</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <source>out of toner</source>
        <translation>out of toner</translation>
    </message>
    <message>
        <source>a door or cover is open</source>
        <translation>a door or cover is open</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>a paper tray is missing</source>
        <translation>a paper tray is missing</translation>
    </message>
    <message>
        <source>the output tray is full</source>
        <translation>the output tray is full</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Cannot print now: not reachable</source>
        <translation>Cannot print now: not reachable</translation>
    </message>
    <message>
        <source>Cannot print now</source>
        <translation>Cannot print now</translation>
    </message>
    <message>
        <source>Cannot print now: %1</source>
        <translation>Cannot print now: %1</translation>
    </message>
    <message>
        <source>The server sent an answer this app does not understand. Try again later.</source>
        <translation>The server sent an answer this app does not understand. Try again later.</translation>
    </message>
    <message>
        <source>Unknown: the print server cannot be reached</source>
        <translation>Unknown: the print server cannot be reached</translation>
    </message>
    <message>
        <source>Ready, but %1: change the job&apos;s options first</source>
        <translation>Ready, but %1: change the job&apos;s options first</translation>
    </message>
    <message>
        <source>cannot print two-sided</source>
        <translation>cannot print two-sided</translation>
    </message>
    <message>
        <source>cannot print in colour</source>
        <translation>cannot print in colour</translation>
    </message>
    <message numerus="yes">
        <source>prints at most %n copies at a time</source>
        <translation>
            <numerusform>prints at most %n copy at a time</numerusform>
            <numerusform>prints at most %n copies at a time</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrinterUsageModel</name>
    <message>
        <source>No department</source>
        <translation>No department</translation>
    </message>
    <message>
        <source>%1 (own)</source>
        <translation>%1 (own)</translation>
    </message>
    <message>
        <source>%1 (other department)</source>
        <translation>%1 (other department)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Belongs to</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
</context>
<context>
    <name>QuotaText</name>
    <message>
        <source>%1 %</source>
        <extracomment>A percentage: %1 is the number. Korean writes the sign without a space.</extracomment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Monthly quota of %1</source>
        <translation>Monthly quota of %1</translation>
    </message>
    <message>
        <source>Your monthly quota</source>
        <translation>Your monthly quota</translation>
    </message>
    <message>
        <source>%1 spent this month; there is no limit.</source>
        <translation>%1 spent this month; there is no limit.</translation>
    </message>
    <message>
        <source>%1 of %2 used (%3)</source>
        <translation>%1 of %2 used (%3)</translation>
    </message>
    <message>
        <source>%1 - %2 left</source>
        <translation>%1 - %2 left</translation>
    </message>
    <message>
        <source>%1 - %2 over</source>
        <translation>%1 - %2 over</translation>
    </message>
    <message>
        <source>Hard limit: a job that would go over it stays held and is not printed.</source>
        <translation>Hard limit: a job that would go over it stays held and is not printed.</translation>
    </message>
    <message>
        <source>Soft limit: jobs over it still print, and you are warned.</source>
        <translation>Soft limit: jobs over it still print, and you are warned.</translation>
    </message>
    <message>
        <source>Includes an extra allowance of %1 this month.</source>
        <translation>Includes an extra allowance of %1 this month.</translation>
    </message>
    <message>
        <source>Monthly quota used up (%1)</source>
        <translation>Monthly quota used up (%1)</translation>
    </message>
    <message>
        <source>%1 of %2 left this month</source>
        <translation>%1 of %2 left this month</translation>
    </message>
    <message>
        <source>This job costs %1, but the monthly quota of %2 is used up. The job is still held: ask your department head or the print admin for an extra allowance for %2, or print it next month.</source>
        <translation>This job costs %1, but the monthly quota of %2 is used up. The job is still held: ask your department head or the print admin for an extra allowance for %2, or print it next month.</translation>
    </message>
    <message>
        <source>This job costs %1, but only %2 is left of the monthly quota of %3. Print fewer pages or copies, print in black and white or on both sides, or ask your department head or the print admin for an extra allowance for %3.</source>
        <translation>This job costs %1, but only %2 is left of the monthly quota of %3. Print fewer pages or copies, print in black and white or on both sides, or ask your department head or the print admin for an extra allowance for %3.</translation>
    </message>
    <message>
        <source>This job costs %1, but your monthly quota is used up. The job is still held: ask your department head for an extra allowance, or print it next month.</source>
        <translation>This job costs %1, but your monthly quota is used up. The job is still held: ask your department head for an extra allowance, or print it next month.</translation>
    </message>
    <message>
        <source>This job costs %1, but only %2 is left of your monthly quota. Print fewer pages or copies, print in black and white or on both sides, or ask your department head for an extra allowance.</source>
        <translation>This job costs %1, but only %2 is left of your monthly quota. Print fewer pages or copies, print in black and white or on both sides, or ask your department head for an extra allowance.</translation>
    </message>
    <message>
        <source>Monthly quota used up</source>
        <translation>Monthly quota used up</translation>
    </message>
    <message>
        <source>Monthly quota almost used</source>
        <translation>Monthly quota almost used</translation>
    </message>
    <message>
        <source>The monthly quota of %1 is used up (%2 of %3). Its members&apos; jobs stay held until an allowance is added or the month ends.</source>
        <translation>The monthly quota of %1 is used up (%2 of %3). Its members&apos; jobs stay held until an allowance is added or the month ends.</translation>
    </message>
    <message>
        <source>The monthly quota of %1 is used up (%2 of %3). Jobs still print; the department head is told.</source>
        <translation>The monthly quota of %1 is used up (%2 of %3). Jobs still print; the department head is told.</translation>
    </message>
    <message>
        <source>%1 of the monthly quota of %2 used (%3 of %4)</source>
        <translation>%1 of the monthly quota of %2 used (%3 of %4)</translation>
    </message>
    <message>
        <source>Your monthly quota is used up (%1 of %2). Further jobs stay held; ask your department head for an extra allowance.</source>
        <translation>Your monthly quota is used up (%1 of %2). Further jobs stay held; ask your department head for an extra allowance.</translation>
    </message>
    <message>
        <source>Your monthly quota is used up (%1 of %2). Jobs still print, but your department head sees the overspend.</source>
        <translation>Your monthly quota is used up (%1 of %2). Jobs still print, but your department head sees the overspend.</translation>
    </message>
    <message>
        <source>%1 of your monthly quota used (%2 of %3)</source>
        <translation>%1 of your monthly quota used (%2 of %3)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>A monthly period: %1 is the month&apos;s name, %2 the year (&quot;November 2026&quot;; Korean &quot;2026년 11월&quot;).</extracomment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>Print at a printer</source>
        <translation>Print at a printer</translation>
    </message>
    <message numerus="yes">
        <source>Choose the printer to print the %n selected job(s) at. Collect them there right away: they come out as soon as you choose.</source>
        <translation>
            <numerusform>Choose the printer to print the selected job at. Collect it there right away: it comes out as soon as you choose.</numerusform>
            <numerusform>Choose the printer to print the %n selected jobs at. Collect them there right away: they come out as soon as you choose.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print here</source>
        <translation>Print here</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Looking for printers...</source>
        <translation>Looking for printers...</translation>
    </message>
    <message>
        <source>No printers are set up yet. Ask the print admin.</source>
        <translation>No printers are set up yet. Ask the print admin.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Printers that cannot print now are greyed out; choose another one nearby.</source>
        <translation>Printers that cannot print now are greyed out; choose another one nearby.</translation>
    </message>
    <message>
        <source>The print server cannot be reached, so whether a printer is ready is not known. Check the network connection; the list updates when the server answers again.</source>
        <translation>The print server cannot be reached, so whether a printer is ready is not known. Check the network connection; the list updates when the server answers again.</translation>
    </message>
    <message>
        <source>The printers that are ready cannot print the selected jobs as they are set up (two-sided, colour or copies). Change that under Options, then print.</source>
        <translation>The printers that are ready cannot print the selected jobs as they are set up (two-sided, colour or copies). Change that under Options, then print.</translation>
    </message>
</context>
<context>
    <name>SentFaxModel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Fax number</source>
        <translation>Fax number</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>Sent at</translation>
    </message>
</context>
<context>
    <name>SentFaxWindow</name>
    <message>
        <source>Sent faxes - MPS</source>
        <translation>Sent faxes - MPS</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>Send &amp;again</translation>
    </message>
    <message>
        <source>Send the selected fax again (faxes not sent or cancelled)</source>
        <translation>Send the selected fax again (faxes not sent or cancelled)</translation>
    </message>
    <message>
        <source>&amp;Cancel fax</source>
        <translation>&amp;Cancel fax</translation>
    </message>
    <message>
        <source>Stop the selected fax before it is sent</source>
        <translation>Stop the selected fax before it is sent</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;New fax...</source>
        <translation>&amp;New fax...</translation>
    </message>
    <message>
        <source>Faxes</source>
        <translation>Faxes</translation>
    </message>
    <message>
        <source>Select a fax to see how it went.</source>
        <translation>Select a fax to see how it went.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 to %2: %3</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Loading...</translation>
    </message>
    <message>
        <source>No faxes sent in the last 90 days.

Print to &quot;MPS Fax&quot; from any program, or choose &quot;New fax...&quot; above to send a document.</source>
        <translation>No faxes sent in the last 90 days.

Print to &quot;MPS Fax&quot; from any program, or choose &quot;New fax...&quot; above to send a document.</translation>
    </message>
    <message>
        <source>Sending again...</source>
        <translation>Sending again...</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Cancelling...</translation>
    </message>
</context>
<context>
    <name>ServerErrorText</name>
    <message>
        <source>one-sided</source>
        <translation>one-sided</translation>
    </message>
    <message>
        <source>two-sided (long edge)</source>
        <translation>two-sided (long edge)</translation>
    </message>
    <message>
        <source>two-sided (short edge)</source>
        <translation>two-sided (short edge)</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>colour</translation>
    </message>
    <message>
        <source>black and white</source>
        <translation>black and white</translation>
    </message>
    <message>
        <source>as in the document</source>
        <translation>as in the document</translation>
    </message>
    <message numerus="yes">
        <source>%n copies</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printer %1 prints at most %n copies at a time. The job is still held: choose fewer copies under Options, or another printer.</source>
        <translation>
            <numerusform>Printer %1 prints at most %n copy at a time. The job is still held: choose fewer copies under Options, or another printer.</numerusform>
            <numerusform>Printer %1 prints at most %n copies at a time. The job is still held: choose fewer copies under Options, or another printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printer %1 cannot print %2. The job is still held: choose one-sided under Options, or another printer.</source>
        <translation>Printer %1 cannot print %2. The job is still held: choose one-sided under Options, or another printer.</translation>
    </message>
    <message>
        <source>Printer %1 cannot print in %2. The job is still held: choose black and white under Options, or another printer.</source>
        <translation>Printer %1 cannot print in %2. The job is still held: choose black and white under Options, or another printer.</translation>
    </message>
    <message>
        <source>Printer %1 cannot print with these options. The job is still held: change the options, or choose another printer.</source>
        <translation>Printer %1 cannot print with these options. The job is still held: change the options, or choose another printer.</translation>
    </message>
    <message>
        <source>This kind of file cannot be printed. Open it in its program and save it as PDF, then print the PDF.</source>
        <translation>This kind of file cannot be printed. Open it in its program and save it as PDF, then print the PDF.</translation>
    </message>
    <message>
        <source>%1 files cannot be printed. Open the file in its program and save it as PDF, then print the PDF.</source>
        <translation>%1 files cannot be printed. Open the file in its program and save it as PDF, then print the PDF.</translation>
    </message>
    <message>
        <source>This Hangul document (%1) cannot be converted on the server. Open it in Hangul and save it as PDF, then print the PDF.</source>
        <translation>This Hangul document (%1) cannot be converted on the server. Open it in Hangul and save it as PDF, then print the PDF.</translation>
    </message>
    <message>
        <source>The document is protected with a password. Open it, save a copy without the password or as PDF, and print that.</source>
        <translation>The document is protected with a password. Open it, save a copy without the password or as PDF, and print that.</translation>
    </message>
    <message>
        <source>The document is damaged or not what its name says and cannot be read. Open it in its program, save it as PDF and print the PDF.</source>
        <translation>The document is damaged or not what its name says and cannot be read. Open it in its program, save it as PDF and print the PDF.</translation>
    </message>
    <message>
        <source>The server could not convert the document to print it. Save it as PDF in its program and print the PDF.</source>
        <translation>The server could not convert the document to print it. Save it as PDF in its program and print the PDF.</translation>
    </message>
    <message>
        <source>The server is converting many documents right now. Try again in a minute.</source>
        <translation>The server is converting many documents right now. Try again in a minute.</translation>
    </message>
    <message>
        <source>The document is too large for the server. Print it in parts or ask the print admin.</source>
        <translation>The document is too large for the server. Print it in parts or ask the print admin.</translation>
    </message>
    <message>
        <source>This job would go over a monthly print quota, so it was not printed and is still held. Print fewer pages, in black and white or on both sides, or ask your department head.</source>
        <translation>This job would go over a monthly print quota, so it was not printed and is still held. Print fewer pages, in black and white or on both sides, or ask your department head.</translation>
    </message>
    <message>
        <source>You have used most of a monthly print quota. Open Usage to see what is left.</source>
        <translation>You have used most of a monthly print quota. Open Usage to see what is left.</translation>
    </message>
    <message>
        <source>These print options are not valid. Choose 1 to 999 copies and one of the offered sides and colours.</source>
        <translation>These print options are not valid. Choose 1 to 999 copies and one of the offered sides and colours.</translation>
    </message>
    <message>
        <source>The job is no longer held: it is printing, was printed or was deleted. The list shows its state now.</source>
        <translation>The job is no longer held: it is printing, was printed or was deleted. The list shows its state now.</translation>
    </message>
    <message>
        <source>The printer is no longer set up on the server. Choose another printer.</source>
        <translation>The printer is no longer set up on the server. Choose another printer.</translation>
    </message>
    <message>
        <source>At a kiosk, jobs can only be printed at the kiosk&apos;s own printer.</source>
        <translation>At a kiosk, jobs can only be printed at the kiosk&apos;s own printer.</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>You are not allowed to do that.</translation>
    </message>
    <message>
        <source>The server could not store the document. Try again later or ask the print admin.</source>
        <translation>The server could not store the document. Try again later or ask the print admin.</translation>
    </message>
    <message>
        <source>This document is still being received. It appears in My jobs in a moment.</source>
        <translation>This document is still being received. It appears in My jobs in a moment.</translation>
    </message>
    <message>
        <source>The user name or password is not correct. Check them and try again.</source>
        <translation>The user name or password is not correct. Check them and try again.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>There were too many attempts. Wait a few minutes and try again.</source>
        <translation>There were too many attempts. Wait a few minutes and try again.</translation>
    </message>
    <message>
        <source>This account is turned off. Ask the print admin.</source>
        <translation>This account is turned off. Ask the print admin.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Your session has ended. Sign in again.</translation>
    </message>
    <message>
        <source>There is no such user on the server.</source>
        <translation>There is no such user on the server.</translation>
    </message>
    <message>
        <source>There is no such department on the server.</source>
        <translation>There is no such department on the server.</translation>
    </message>
    <message>
        <source>This card is not linked to anyone yet. Link it at a kiosk with your user name and password.</source>
        <translation>This card is not linked to anyone yet. Link it at a kiosk with your user name and password.</translation>
    </message>
    <message>
        <source>This card is already linked to another person. Ask the print admin.</source>
        <translation>This card is already linked to another person. Ask the print admin.</translation>
    </message>
    <message>
        <source>The fingerprint was not recognised. Try again, or sign in with your card or password.</source>
        <translation>The fingerprint was not recognised. Try again, or sign in with your card or password.</translation>
    </message>
    <message>
        <source>The sign-in took too long. Start again.</source>
        <translation>The sign-in took too long. Start again.</translation>
    </message>
    <message>
        <source>The fingerprint could not be read. Enrol it again.</source>
        <translation>The fingerprint could not be read. Enrol it again.</translation>
    </message>
    <message>
        <source>Fingerprints are stored only with your consent. Read what is stored and agree first.</source>
        <translation>Fingerprints are stored only with your consent. Read what is stored and agree first.</translation>
    </message>
    <message>
        <source>You have no fingerprint stored.</source>
        <translation>You have no fingerprint stored.</translation>
    </message>
    <message>
        <source>The month asked for is not valid. Choose another month.</source>
        <translation>The month asked for is not valid. Choose another month.</translation>
    </message>
    <message>
        <source>The server did not accept the request. Update the app or ask the print admin.</source>
        <translation>The server did not accept the request. Update the app or ask the print admin.</translation>
    </message>
    <message>
        <source>The server does not know this request. Check the server address.</source>
        <translation>The server does not know this request. Check the server address.</translation>
    </message>
    <message>
        <source>The server is checking many sign-ins right now. Try again in a moment.</source>
        <translation>The server is checking many sign-ins right now. Try again in a moment.</translation>
    </message>
    <message>
        <source>Too many windows of yours are following the server at once. Close MPS on a computer you no longer use; this one reconnects by itself.</source>
        <translation>Too many windows of yours are following the server at once. Close MPS on a computer you no longer use; this one reconnects by itself.</translation>
    </message>
    <message>
        <source>Your account has no e-mail address, so scans cannot be sent to you. Ask the print admin to add one.</source>
        <translation>Your account has no e-mail address, so scans cannot be sent to you. Ask the print admin to add one.</translation>
    </message>
    <message>
        <source>Scanning to e-mail is not set up on the print server. Tell the print admin.</source>
        <translation>Scanning to e-mail is not set up on the print server. Tell the print admin.</translation>
    </message>
    <message>
        <source>The scan is too large for one e-mail. Send the pages scanned so far and scan the rest separately.</source>
        <translation>The scan is too large for one e-mail. Send the pages scanned so far and scan the rest separately.</translation>
    </message>
    <message>
        <source>The print server could not read a scanned page. Scan it again.</source>
        <translation>The print server could not read a scanned page. Scan it again.</translation>
    </message>
    <message>
        <source>There is nothing to send yet. Scan a page first.</source>
        <translation>There is nothing to send yet. Scan a page first.</translation>
    </message>
    <message>
        <source>The print server&apos;s storage is full, so the document was not stored. Try again later; tell the print admin if this lasts.</source>
        <translation>The print server&apos;s storage is full, so the document was not stored. Try again later; tell the print admin if this lasts.</translation>
    </message>
    <message>
        <source>Your waiting jobs take %1 MB, and the server keeps at most %2 MB for one person. Print or delete some of them, then send this document again.</source>
        <translation>Your waiting jobs take %1 MB, and the server keeps at most %2 MB for one person. Print or delete some of them, then send this document again.</translation>
    </message>
    <message numerus="yes">
        <source>You already have %n job(s) waiting, the most the server keeps for one person. Print or delete some of them, then send this document again.</source>
        <translation>
            <numerusform>You already have %n job waiting, the most the server keeps for one person. Print or delete it, then send this document again.</numerusform>
            <numerusform>You already have %n jobs waiting, the most the server keeps for one person. Print or delete some of them, then send this document again.</numerusform>
        </translation>
    </message>
    <message>
        <source>The document has more than %1 pages, more than the server takes in one job. Print it in parts.</source>
        <translation>The document has more than %1 pages, more than the server takes in one job. Print it in parts.</translation>
    </message>
    <message numerus="yes">
        <source>You are already sending %n document(s) to the server, the most it takes from one person at once. Wait until they have arrived, then send this one again.</source>
        <translation>
            <numerusform>You are already sending %n document to the server, the most it takes from one person at once. Wait until it has arrived, then send this one again.</numerusform>
            <numerusform>You are already sending %n documents to the server, the most it takes from one person at once. Wait until they have arrived, then send this one again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Your session has ended. Sign in again to see and print your jobs; anything you print meanwhile is kept and sent after you sign in.</source>
        <translation>Your session has ended. Sign in again to see and print your jobs; anything you print meanwhile is kept and sent after you sign in.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings - MPS Secure Print</source>
        <translation>Settings - MPS Secure Print</translation>
    </message>
    <message>
        <source>Not set up yet</source>
        <translation>Not set up yet</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nobody</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <source>Tell me when jobs are held, printed or about to expire</source>
        <translation>Tell me when jobs are held, printed or about to expire</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Signed in as:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Certificate check code:</source>
        <translation>Certificate check code:</translation>
    </message>
    <message>
        <source>Delete my fingerprint...</source>
        <translation>Delete my fingerprint...</translation>
    </message>
    <message>
        <source>Stored on the print server for signing in at the kiosks.</source>
        <translation>Stored on the print server for signing in at the kiosks.</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <source>To use another server, sign out and sign in again.</source>
        <translation>To use another server, sign out and sign in again.</translation>
    </message>
    <message>
        <source>Delete my fingerprint</source>
        <translation>Delete my fingerprint</translation>
    </message>
    <message>
        <source>Delete your fingerprint from the print server?</source>
        <translation>Delete your fingerprint from the print server?</translation>
    </message>
    <message>
        <source>The fingerprint template and your consent are deleted at once and cannot be restored. At the kiosks you then sign in with your card, PIN or password; you can enrol a fingerprint again at a kiosk whenever you like.</source>
        <translation>The fingerprint template and your consent are deleted at once and cannot be restored. At the kiosks you then sign in with your card, PIN or password; you can enrol a fingerprint again at a kiosk whenever you like.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Deleting...</source>
        <translation>Deleting...</translation>
    </message>
    <message>
        <source>Deleted. None is stored now.</source>
        <translation>Deleted. None is stored now.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Not deleted: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in - MPS Secure Print</source>
        <translation>Sign in - MPS Secure Print</translation>
    </message>
    <message>
        <source>Sign in to MPS Secure Print</source>
        <translation>Sign in to MPS Secure Print</translation>
    </message>
    <message>
        <source>Sign in with your staff account to see the documents you printed and release them at any printer.</source>
        <translation>Sign in with your staff account to see the documents you printed and release them at any printer.</translation>
    </message>
    <message>
        <source>https://print.example.org:8631</source>
        <translation>https://print.example.org:8631</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Check the server&apos;s identity</source>
        <translation>Check the server&apos;s identity</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Trust and sign in</source>
        <translation>Trust and sign in</translation>
    </message>
    <message>
        <source>Enter the print server&apos;s address, for example https://print.example.org:8631.</source>
        <translation>Enter the print server&apos;s address, for example https://print.example.org:8631.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Certificate issued to: %1</source>
        <translation>Certificate issued to: %1</translation>
    </message>
    <message>
        <source>This computer&apos;s certificate authorities also vouch for it.</source>
        <translation>This computer&apos;s certificate authorities also vouch for it.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be read. Try again.</source>
        <translation>The server&apos;s certificate could not be read. Try again.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Certificate check code:</source>
        <translation>Certificate check code:</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since you last signed in. This happens when the server is renewed, but it can also mean that someone is intercepting the connection. Sign in only if IT support confirms the check code below.</source>
        <translation>The certificate of %1 has changed since you last signed in. This happens when the server is renewed, but it can also mean that someone is intercepting the connection. Sign in only if IT support confirms the check code below.</translation>
    </message>
    <message>
        <source>This computer has not connected to %1 before. Compare the certificate check code below with the one IT support published. Sign in only if they are the same.</source>
        <translation>This computer has not connected to %1 before. Compare the certificate check code below with the one IT support published. Sign in only if they are the same.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>The tray app could not start because its runtime folder %1 is not writable.</source>
        <translation>The tray app could not start because its runtime folder %1 is not writable.</translation>
    </message>
</context>
<context>
    <name>StateReasonText</name>
    <message>
        <source>%1 has a paper jam. Your job is still held: print it at another printer, or try again once the jam is cleared.</source>
        <translation>%1 has a paper jam. Your job is still held: print it at another printer, or try again once the jam is cleared.</translation>
    </message>
    <message>
        <source>%1 is out of paper. Your job is still held: print it at another printer, or try again once paper is loaded.</source>
        <translation>%1 is out of paper. Your job is still held: print it at another printer, or try again once paper is loaded.</translation>
    </message>
    <message>
        <source>%1 is out of toner. Your job is still held: print it at another printer, or try again once the toner is replaced.</source>
        <translation>%1 is out of toner. Your job is still held: print it at another printer, or try again once the toner is replaced.</translation>
    </message>
    <message>
        <source>A cover of %1 is open. Your job is still held: close it and try again, or print it at another printer.</source>
        <translation>A cover of %1 is open. Your job is still held: close it and try again, or print it at another printer.</translation>
    </message>
    <message>
        <source>A door or cover of %1 is open. Your job is still held: print it at another printer, or try again once it is closed.</source>
        <translation>A door or cover of %1 is open. Your job is still held: print it at another printer, or try again once it is closed.</translation>
    </message>
    <message>
        <source>%1 cannot be reached. Your job is still held: print it at another printer, or try again later.</source>
        <translation>%1 cannot be reached. Your job is still held: print it at another printer, or try again later.</translation>
    </message>
    <message>
        <source>%1 cannot print now. Your job is still held: print it at another printer, or try again later.</source>
        <translation>%1 cannot print now. Your job is still held: print it at another printer, or try again later.</translation>
    </message>
    <message>
        <source>%1 cannot print now (%2). Your job is still held: print it at another printer, or try again once the problem is fixed.</source>
        <translation>%1 cannot print now (%2). Your job is still held: print it at another printer, or try again once the problem is fixed.</translation>
    </message>
    <message>
        <source>%1 cannot print %2 documents. Your job is still held: print it at another printer.</source>
        <translation>%1 cannot print %2 documents. Your job is still held: print it at another printer.</translation>
    </message>
    <message>
        <source>The print server could not read this job&apos;s document. Send it again from your computer, or tell the print admin.</source>
        <translation>The print server could not read this job&apos;s document. Send it again from your computer, or tell the print admin.</translation>
    </message>
    <message>
        <source>The print server could not read this job&apos;s document. Print the document again, or tell the print admin.</source>
        <translation>The print server could not read this job&apos;s document. Print the document again, or tell the print admin.</translation>
    </message>
    <message>
        <source>%1 stayed busy for too long. Your job is still held: try again in a moment, or print it at another printer.</source>
        <translation>%1 stayed busy for too long. Your job is still held: try again in a moment, or print it at another printer.</translation>
    </message>
    <message>
        <source>%1 reported a problem (%2). Your job is still held: try again, or print it at another printer.</source>
        <translation>%1 reported a problem (%2). Your job is still held: try again, or print it at another printer.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost while your job was printing, so it may have printed. Check the printer before you print it again.</source>
        <translation>The connection to %1 was lost while your job was printing, so it may have printed. Check the printer before you print it again.</translation>
    </message>
    <message>
        <source>%1 stopped your job before it was finished. It is held again and was not charged: check the printer, then print it again.</source>
        <translation>%1 stopped your job before it was finished. It is held again and was not charged: check the printer, then print it again.</translation>
    </message>
    <message>
        <source>Your job was canceled at %1. It is held again and was not charged: print it again whenever you need it.</source>
        <translation>Your job was canceled at %1. It is held again and was not charged: print it again whenever you need it.</translation>
    </message>
    <message>
        <source>The print server stopped while your job was being sent to the printer, so it may have printed. Check the printer before you print it again.</source>
        <translation>The print server stopped while your job was being sent to the printer, so it may have printed. Check the printer before you print it again.</translation>
    </message>
    <message>
        <source>The print server stopped while your job was being sent to %1, so it may have printed. Check the printer before you print it again.</source>
        <translation>The print server stopped while your job was being sent to %1, so it may have printed. Check the printer before you print it again.</translation>
    </message>
    <message>
        <source>Deleted by %1.</source>
        <translation>Deleted by %1.</translation>
    </message>
    <message>
        <source>Not printed within the hold time, so it was deleted. Send it again if you still need it.</source>
        <translation>Not printed within the hold time, so it was deleted. Send it again if you still need it.</translation>
    </message>
    <message>
        <source>Not printed within the hold time, so it was deleted. Print the document again if you still need it.</source>
        <translation>Not printed within the hold time, so it was deleted. Print the document again if you still need it.</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>Access to the keychain was refused. Unlock the keychain and sign in again.</source>
        <translation>Access to the keychain was refused. Unlock the keychain and sign in again.</translation>
    </message>
    <message>
        <source>No keychain is available on this desktop, so you will have to sign in each time.</source>
        <translation>No keychain is available on this desktop, so you will have to sign in each time.</translation>
    </message>
    <message>
        <source>The keychain could not be used. Sign in again; if this keeps happening, ask IT support.</source>
        <translation>The keychain could not be used. Sign in again; if this keeps happening, ask IT support.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>My jobs</source>
        <translation>My jobs</translation>
    </message>
    <message>
        <source>Print a file...</source>
        <translation>Print a file...</translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation>Settings...</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>MPS Secure Print</source>
        <translation>MPS Secure Print</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <source>Sign out (%1)</source>
        <translation>Sign out (%1)</translation>
    </message>
    <message>
        <source>Sign in...</source>
        <translation>Sign in...</translation>
    </message>
    <message>
        <source>MPS Secure Print - not signed in</source>
        <translation>MPS Secure Print - not signed in</translation>
    </message>
    <message numerus="yes">
        <source>MPS Secure Print - %n job(s) held, not connected to the server</source>
        <translation>
            <numerusform>MPS Secure Print - %n job held, not connected to the server</numerusform>
            <numerusform>MPS Secure Print - %n jobs held, not connected to the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MPS Secure Print - %n job(s) held</source>
        <translation>
            <numerusform>MPS Secure Print - %n job held</numerusform>
            <numerusform>MPS Secure Print - %n jobs held</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n printed document(s) waiting to be sent</source>
        <translation>
            <numerusform>%n printed document waiting to be sent</numerusform>
            <numerusform>%n printed documents waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Send fax...</source>
        <translation>Send fax...</translation>
    </message>
    <message>
        <source>Sent faxes</source>
        <translation>Sent faxes</translation>
    </message>
    <message>
        <source>Fax inbox</source>
        <translation>Fax inbox</translation>
    </message>
    <message numerus="yes">
        <source>Fax inbox (%n unread)</source>
        <translation>
            <numerusform>Fax inbox (%n unread)</numerusform>
            <numerusform>Fax inbox (%n unread)</numerusform>
        </translation>
    </message>
    <message>
        <source>Fax queued</source>
        <translation>Fax queued</translation>
    </message>
    <message numerus="yes">
        <source>%n fax(es) queued. The tray tells you when they have been sent.</source>
        <translation>
            <numerusform>%n fax queued. The tray tells you when they have been sent.</numerusform>
            <numerusform>%n faxes queued. The tray tells you when they have been sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a file as fax</source>
        <translation>Send a file as fax</translation>
    </message>
    <message>
        <source>Documents and pictures (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.rtf *.txt *.hwp *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif)</source>
        <translation>Documents and pictures (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.rtf *.txt *.hwp *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
</context>
<context>
    <name>TrendModel</name>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>UsageController</name>
    <message>
        <source>You may not see this report. Department heads see their own departments; ask the print admin if you need more.</source>
        <translation>You may not see this report. Department heads see their own departments; ask the print admin if you need more.</translation>
    </message>
    <message>
        <source>Choose a department first.</source>
        <translation>Choose a department first.</translation>
    </message>
    <message>
        <source>The report was not exported: %1</source>
        <translation>The report was not exported: %1</translation>
    </message>
    <message>
        <source>The report could not be saved as %1 (%2). Choose another folder.</source>
        <translation>The report could not be saved as %1 (%2). Choose another folder.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>This print server does not report usage yet. Ask the print admin to update it.</source>
        <translation>This print server does not report usage yet. Ask the print admin to update it.</translation>
    </message>
</context>
<context>
    <name>UsageWindow</name>
    <message>
        <source>Usage - MPS Secure Print</source>
        <translation>Usage - MPS Secure Print</translation>
    </message>
    <message>
        <source>My usage</source>
        <translation>My usage</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>What you saved</source>
        <translation>What you saved</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Department:</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>Export CSV...</translation>
    </message>
    <message>
        <source>Save each member&apos;s usage in this month as a CSV file for the finance office</source>
        <translation>Save each member&apos;s usage in this month as a CSV file for the finance office</translation>
    </message>
    <message>
        <source>Department quota</source>
        <translation>Department quota</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Savings</translation>
    </message>
    <message>
        <source>Printers used</source>
        <translation>Printers used</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Your printing this month</source>
        <translation>Your printing this month</translation>
    </message>
    <message>
        <source>Your printing in %1</source>
        <translation>Your printing in %1</translation>
    </message>
    <message>
        <source>You have no print quota: print what you need. You have spent %1 this month.</source>
        <translation>You have no print quota: print what you need. You have spent %1 this month.</translation>
    </message>
    <message>
        <source>Loading your usage...</source>
        <translation>Loading your usage...</translation>
    </message>
    <message>
        <source>Nothing printed in the last 12 months yet.

Print to &quot;MPS Secure Print&quot; and collect your jobs at any printer: your monthly cost appears here.</source>
        <translation>Nothing printed in the last 12 months yet.

Print to &quot;MPS Secure Print&quot; and collect your jobs at any printer: your monthly cost appears here.</translation>
    </message>
    <message>
        <source>Your last 12 months</source>
        <translation>Your last 12 months</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Nothing to show yet.</translation>
    </message>
    <message>
        <source>Printed on both sides: %1 of your pages</source>
        <translation>Printed on both sides: %1 of your pages</translation>
    </message>
    <message>
        <source>Printed in black and white: %1 of your pages</source>
        <translation>Printed in black and white: %1 of your pages</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 has no quota this month. The print admin can set one.</source>
        <translation>%1 has no quota this month. The print admin can set one.</translation>
    </message>
    <message>
        <source>There is no department you may report on. Ask the print admin to make you the head of your department.</source>
        <translation>There is no department you may report on. Ask the print admin to make you the head of your department.</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Loading...</translation>
    </message>
    <message>
        <source>Loading the members of %1...</source>
        <translation>Loading the members of %1...</translation>
    </message>
    <message>
        <source>Nobody in %1 printed in %2. Choose another month or department.</source>
        <translation>Nobody in %1 printed in %2. Choose another month or department.</translation>
    </message>
    <message>
        <source>No printing to chart this month.</source>
        <translation>No printing to chart this month.</translation>
    </message>
    <message>
        <source>Cost per member</source>
        <translation>Cost per member</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>%1 has printed nothing in the last 12 months.</source>
        <translation>%1 has printed nothing in the last 12 months.</translation>
    </message>
    <message>
        <source>%1, last 12 months</source>
        <translation>%1, last 12 months</translation>
    </message>
    <message>
        <source>No printer was used in this month.</source>
        <translation>No printer was used in this month.</translation>
    </message>
    <message>
        <source>On %1&apos;s own printers: %2 pages (%3). On other departments&apos; printers: %4 pages (%5).</source>
        <translation>On %1&apos;s own printers: %2 pages (%3). On other departments&apos; printers: %4 pages (%5).</translation>
    </message>
    <message>
        <source>Nothing to compare yet.</source>
        <translation>Nothing to compare yet.</translation>
    </message>
    <message>
        <source>Pages per person</source>
        <translation>Pages per person</translation>
    </message>
    <message>
        <source>Sheets per person</source>
        <translation>Sheets per person</translation>
    </message>
    <message>
        <source>Colour share</source>
        <translation>Colour share</translation>
    </message>
    <message>
        <source>Jobs never printed</source>
        <translation>Jobs never printed</translation>
    </message>
    <message>
        <source>People who printed</source>
        <translation>People who printed</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Savings: %1 against %2</source>
        <translation>Savings: %1 against %2</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Updated at %1</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>Exporting...</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;This month: %1 and %Ln sheet(s) of paper saved&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;This month: %1 and %Ln sheet of paper saved&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;This month: %1 and %Ln sheets of paper saved&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Jobs you deleted or let expire instead of printing: %Ln, with %1 pages</source>
        <translation>
            <numerusform>Jobs you deleted or let expire instead of printing: %Ln, with %1 pages</numerusform>
            <numerusform>Jobs you deleted or let expire instead of printing: %Ln, with %1 pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last 12 months: %1 and %Ln sheet(s) saved</source>
        <translation>
            <numerusform>Last 12 months: %1 and %Ln sheet saved</numerusform>
            <numerusform>Last 12 months: %1 and %Ln sheets saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %2: %Ln member(s) printed %3 pages for %4.</source>
        <translation>
            <numerusform>%1 in %2: %Ln member printed %3 pages for %4.</numerusform>
            <numerusform>%1 in %2: %Ln members printed %3 pages for %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent something by mistake? Delete it in My jobs instead of printing it: it counts as saved.</source>
        <translation>Sent something by mistake? Delete it in My jobs instead of printing it: it counts as saved.</translation>
    </message>
</context>
</TS>
