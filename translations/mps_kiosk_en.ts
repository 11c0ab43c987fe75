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
    <name>CardReader</name>
    <message>
        <source>The card reader service is not running. Sign in with your ID and PIN, and tell the print admin.</source>
        <translation>The card reader service is not running. Sign in with your ID and PIN, and tell the print admin.</translation>
    </message>
    <message>
        <source>No card reader is connected. Sign in with your ID and PIN, and tell the print admin.</source>
        <translation>No card reader is connected. Sign in with your ID and PIN, and tell the print admin.</translation>
    </message>
    <message>
        <source>The card could not be read. Take it away and tap it again.</source>
        <translation>The card could not be read. Take it away and tap it again.</translation>
    </message>
</context>
<context>
    <name>ConfirmDeleteDialog</name>
    <message numerus="yes">
        <source>Delete %n job(s)?</source>
        <translation>
            <numerusform>Delete %n job?</numerusform>
            <numerusform>Delete %n jobs?</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted jobs are destroyed on the server and cannot be printed or recovered.</source>
        <translation>Deleted jobs are destroyed on the server and cannot be printed or recovered.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message numerus="yes">
        <source>Auto sign-out in %n s</source>
        <translation>
            <numerusform>Auto sign-out in %n s</numerusform>
            <numerusform>Auto sign-out in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Register your fingerprint?</source>
        <translation>Register your fingerprint?</translation>
    </message>
    <message>
        <source>What is kept</source>
        <translation>What is kept</translation>
    </message>
    <message>
        <source>A template computed from your fingerprint (a set of numbers), not an image of it.</source>
        <translation>A template computed from your fingerprint (a set of numbers), not an image of it.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Only on the print server, encrypted. Never on this kiosk.</source>
        <translation>Only on the print server, encrypted. Never on this kiosk.</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>To recognise you at the kiosks, so you can print your jobs by touching the sensor.</source>
        <translation>To recognise you at the kiosks, so you can print your jobs by touching the sensor.</translation>
    </message>
    <message>
        <source>For how long</source>
        <translation>For how long</translation>
    </message>
    <message>
        <source>Until you withdraw your consent: here under &quot;My fingerprint&quot; or in the tray app.</source>
        <translation>Until you withdraw your consent: here under &quot;My fingerprint&quot; or in the tray app.</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>Your choice</translation>
    </message>
    <message>
        <source>Registering is optional. Your card and PIN always keep working.</source>
        <translation>Registering is optional. Your card and PIN always keep working.</translation>
    </message>
    <message>
        <source>Agree and register</source>
        <translation>Agree and register</translation>
    </message>
    <message>
        <source>Withdraw consent and delete my fingerprint</source>
        <translation>Withdraw consent and delete my fingerprint</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
    <name>FaultBanner</name>
    <message>
        <source>%1 cannot print now: %2.</source>
        <translation>%1 cannot print now: %2.</translation>
    </message>
    <message>
        <source>Your jobs stay held. Print them at a printer nearby:</source>
        <translation>Your jobs stay held. Print them at a printer nearby:</translation>
    </message>
    <message>
        <source>Your jobs stay held until you print them at another printer.</source>
        <translation>Your jobs stay held until you print them at another printer.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>FingerprintReader</name>
    <message>
        <source>Your registered fingerprint could not be read. Register it again after signing in.</source>
        <translation>Your registered fingerprint could not be read. Register it again after signing in.</translation>
    </message>
    <message>
        <source>The touch was too short. Keep your finger on the sensor a little longer.</source>
        <translation>The touch was too short. Keep your finger on the sensor a little longer.</translation>
    </message>
    <message>
        <source>Place your finger in the middle of the sensor.</source>
        <translation>Place your finger in the middle of the sensor.</translation>
    </message>
    <message>
        <source>Lift your finger, then touch the sensor again.</source>
        <translation>Lift your finger, then touch the sensor again.</translation>
    </message>
    <message>
        <source>The fingerprint could not be read. Touch the sensor again.</source>
        <translation>The fingerprint could not be read. Touch the sensor again.</translation>
    </message>
    <message>
        <source>The fingerprint sensor&apos;s memory is full. Tell the print admin.</source>
        <translation>The fingerprint sensor&apos;s memory is full. Tell the print admin.</translation>
    </message>
    <message>
        <source>The fingerprint sensor is not connected. Tap your card or sign in with your ID and PIN.</source>
        <translation>The fingerprint sensor is not connected. Tap your card or sign in with your ID and PIN.</translation>
    </message>
    <message>
        <source>The fingerprint sensor failed. Tap your card or sign in with your ID and PIN, and tell the print admin.</source>
        <translation>The fingerprint sensor failed. Tap your card or sign in with your ID and PIN, and tell the print admin.</translation>
    </message>
    <message>
        <source>This sensor does not hold your fingerprint: it was registered on another sensor. Continue without it, or register it again here.</source>
        <translation>This sensor does not hold your fingerprint: it was registered on another sensor. Continue without it, or register it again here.</translation>
    </message>
</context>
<context>
    <name>FingerprintScreen</name>
    <message numerus="yes">
        <source>Auto sign-out in %n s</source>
        <translation>
            <numerusform>Auto sign-out in %n s</numerusform>
            <numerusform>Auto sign-out in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Register your fingerprint</source>
        <translation>Register your fingerprint</translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation>Confirm it is you</translation>
    </message>
    <message numerus="yes">
        <source>Touch the sensor %n more time(s) with the same finger, lifting it in between.</source>
        <translation>
            <numerusform>Touch the sensor %n more time with the same finger, lifting it in between.</numerusform>
            <numerusform>Touch the sensor %n more times with the same finger, lifting it in between.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your account asks for your fingerprint after the card or PIN.</source>
        <translation>Your account asks for your fingerprint after the card or PIN.</translation>
    </message>
    <message>
        <source>Your fingerprint is kept encrypted on the print server, never on this kiosk. You can remove it here at any time.</source>
        <translation>Your fingerprint is kept encrypted on the print server, never on this kiosk. You can remove it here at any time.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Back to my jobs</source>
        <translation>Back to my jobs</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Continue without fingerprint</source>
        <translation>Continue without fingerprint</translation>
    </message>
    <message>
        <source>Withdraw consent and delete my fingerprint</source>
        <translation>Withdraw consent and delete my fingerprint</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Tap your staff card</source>
        <translation>Tap your staff card</translation>
    </message>
    <message>
        <source>Your held print jobs appear here. Print them or delete the ones you no longer need.</source>
        <translation>Your held print jobs appear here. Print them or delete the ones you no longer need.</translation>
    </message>
    <message>
        <source>Sign in with ID and PIN</source>
        <translation>Sign in with ID and PIN</translation>
    </message>
    <message>
        <source>or touch the fingerprint sensor</source>
        <translation>or touch the fingerprint sensor</translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
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
        <source>%1 here</source>
        <extracomment>What printing the job here costs with its options, e.g. &quot;₩400&quot;.</extracomment>
        <translation>%1 here</translation>
    </message>
</context>
<context>
    <name>JobsScreen</name>
    <message numerus="yes">
        <source>Signing out in %n s</source>
        <translation>
            <numerusform>Signing out in %n s</numerusform>
            <numerusform>Signing out in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Auto sign-out in %n s</source>
        <translation>
            <numerusform>Auto sign-out in %n s</numerusform>
            <numerusform>Auto sign-out in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>%1, your held jobs</source>
        <translation>%1, your held jobs</translation>
    </message>
    <message>
        <source>You have no held jobs.</source>
        <translation>You have no held jobs.</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Double-sided</source>
        <translation>Double-sided</translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>Select none</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Print selected (%1)</source>
        <translation>Print selected (%1)</translation>
    </message>
    <message>
        <source>Print all and sign out</source>
        <translation>Print all and sign out</translation>
    </message>
    <message>
        <source>My fingerprint</source>
        <translation>My fingerprint</translation>
    </message>
    <message>
        <source>Register fingerprint</source>
        <translation>Register fingerprint</translation>
    </message>
    <message>
        <source>Scan to my e-mail</source>
        <translation>Scan to my e-mail</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Your session has ended. Sign in again.</translation>
    </message>
    <message>
        <source>Enter your ID and PIN.</source>
        <translation>Enter your ID and PIN.</translation>
    </message>
    <message>
        <source>Enter your ID and password.</source>
        <translation>Enter your ID and password.</translation>
    </message>
    <message>
        <source>%1 cannot print now (%2). Your jobs stay held: print them at one of the printers listed.</source>
        <translation>%1 cannot print now (%2). Your jobs stay held: print them at one of the printers listed.</translation>
    </message>
    <message>
        <source>Your jobs are printing. You will be signed out in a moment.</source>
        <translation>Your jobs are printing. You will be signed out in a moment.</translation>
    </message>
    <message>
        <source>You have been signed out. Your jobs are printing.</source>
        <translation>You have been signed out. Your jobs are printing.</translation>
    </message>
    <message numerus="yes">
        <source>You were signed out after %n second(s) without activity.</source>
        <translation>
            <numerusform>You were signed out after %n second without activity.</numerusform>
            <numerusform>You were signed out after %n seconds without activity.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lift your finger and touch the sensor again (%1 of %2).</source>
        <translation>Lift your finger and touch the sensor again (%1 of %2).</translation>
    </message>
    <message>
        <source>Your account needs a fingerprint check, but the sensor is not working. Ask the print admin.</source>
        <translation>Your account needs a fingerprint check, but the sensor is not working. Ask the print admin.</translation>
    </message>
    <message>
        <source>Touch the fingerprint sensor to confirm it is you.</source>
        <translation>Touch the fingerprint sensor to confirm it is you.</translation>
    </message>
    <message>
        <source>Fingerprint not recognised, or you have no jobs waiting. Try again, tap your card, or sign in with your ID and PIN.</source>
        <translation>Fingerprint not recognised, or you have no jobs waiting. Try again, tap your card, or sign in with your ID and PIN.</translation>
    </message>
    <message>
        <source>Touch the sensor with the finger you want to use.</source>
        <translation>Touch the sensor with the finger you want to use.</translation>
    </message>
    <message>
        <source>Fingerprint registered. Next time, just touch the sensor.</source>
        <translation>Fingerprint registered. Next time, just touch the sensor.</translation>
    </message>
    <message>
        <source>Your consent is withdrawn and your fingerprint was deleted from the print server.</source>
        <translation>Your consent is withdrawn and your fingerprint was deleted from the print server.</translation>
    </message>
    <message>
        <source>Print server unreachable, retrying</source>
        <translation>Print server unreachable, retrying</translation>
    </message>
</context>
<context>
    <name>KioskText</name>
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
        <source>cover open</source>
        <translation>cover open</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>waste toner full</source>
        <translation>waste toner full</translation>
    </message>
    <message>
        <source>This card is not linked to an account yet. Sign in once with your ID and password to link it.</source>
        <translation>This card is not linked to an account yet. Sign in once with your ID and password to link it.</translation>
    </message>
    <message>
        <source>The ID or PIN is not correct. Check them and try again.</source>
        <translation>The ID or PIN is not correct. Check them and try again.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Sign-in is locked for five minutes; try again later or ask the print admin.</source>
        <translation>Too many failed attempts. Sign-in is locked for five minutes; try again later or ask the print admin.</translation>
    </message>
    <message>
        <source>This card is already linked to another account. Ask the print admin.</source>
        <translation>This card is already linked to another account. Ask the print admin.</translation>
    </message>
    <message>
        <source>Enter your ID and PIN.</source>
        <translation>Enter your ID and PIN.</translation>
    </message>
    <message>
        <source>This kiosk is not registered. Ask the print admin for a device token.</source>
        <translation>This kiosk is not registered. Ask the print admin for a device token.</translation>
    </message>
    <message>
        <source>At this kiosk you can print only to its own printer.</source>
        <translation>At this kiosk you can print only to its own printer.</translation>
    </message>
    <message>
        <source>This job cannot be changed any more: it is already printing or finished.</source>
        <translation>This job cannot be changed any more: it is already printing or finished.</translation>
    </message>
    <message>
        <source>This job no longer exists.</source>
        <translation>This job no longer exists.</translation>
    </message>
    <message>
        <source>The print server cannot be reached. Try again in a moment, or tell the print admin.</source>
        <translation>The print server cannot be reached. Try again in a moment, or tell the print admin.</translation>
    </message>
    <message>
        <source>The print server&apos;s identity could not be verified. Tell the print admin.</source>
        <translation>The print server&apos;s identity could not be verified. Tell the print admin.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Your session has ended. Sign in again.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again, or tell the print admin.</source>
        <translation>Something went wrong. Try again, or tell the print admin.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Cannot print: %1</source>
        <translation>Cannot print: %1</translation>
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
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Waiting to print</source>
        <translation>Waiting to print</translation>
    </message>
    <message>
        <source>Not printed: %1</source>
        <translation>Not printed: %1</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
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
        <source>The fingerprint check timed out. Tap your card or touch the sensor again.</source>
        <translation>The fingerprint check timed out. Tap your card or touch the sensor again.</translation>
    </message>
    <message>
        <source>The fingerprint could not be registered. Try again.</source>
        <translation>The fingerprint could not be registered. Try again.</translation>
    </message>
    <message>
        <source>The fingerprint did not match. Try again with the finger you registered.</source>
        <translation>The fingerprint did not match. Try again with the finger you registered.</translation>
    </message>
    <message numerus="yes">
        <source>The ID or PIN is not correct. You can try %n more time(s) before sign-in is locked.</source>
        <translation>
            <numerusform>The ID or PIN is not correct. You can try %n more time before sign-in is locked.</numerusform>
            <numerusform>The ID or PIN is not correct. You can try %n more times before sign-in is locked.</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is locked after too many wrong PINs or passwords, until %1. Try again after that, or ask the print admin to unlock it.</source>
        <translation>This account is locked after too many wrong PINs or passwords, until %1. Try again after that, or ask the print admin to unlock it.</translation>
    </message>
    <message>
        <source>The %1 print quota for this month is used up, so this job (%2) was not printed. It stays held: ask your department head or the print admin for an allowance.</source>
        <translation>The %1 print quota for this month is used up, so this job (%2) was not printed. It stays held: ask your department head or the print admin for an allowance.</translation>
    </message>
    <message>
        <source>This job costs %1, but only %2 is left of the %3 print quota this month. It stays held: print fewer copies, in black and white or double-sided, or ask your department head for an allowance.</source>
        <translation>This job costs %1, but only %2 is left of the %3 print quota this month. It stays held: print fewer copies, in black and white or double-sided, or ask your department head for an allowance.</translation>
    </message>
    <message>
        <source>Your print quota for this month is used up, so this job (%1) was not printed. It stays held: ask the print admin for an allowance.</source>
        <translation>Your print quota for this month is used up, so this job (%1) was not printed. It stays held: ask the print admin for an allowance.</translation>
    </message>
    <message>
        <source>This job costs %1, but only %2 is left of your print quota this month. It stays held: print fewer copies, in black and white or double-sided, or ask the print admin for an allowance.</source>
        <translation>This job costs %1, but only %2 is left of your print quota this month. It stays held: print fewer copies, in black and white or double-sided, or ask the print admin for an allowance.</translation>
    </message>
    <message>
        <source>%1 is %2 over its print quota this month</source>
        <translation>%1 is %2 over its print quota this month</translation>
    </message>
    <message>
        <source>You are %1 over your print quota this month</source>
        <translation>You are %1 over your print quota this month</translation>
    </message>
    <message>
        <source>Left of the %1 print quota this month: %2</source>
        <translation>Left of the %1 print quota this month: %2</translation>
    </message>
    <message>
        <source>Left of your print quota this month: %1</source>
        <translation>Left of your print quota this month: %1</translation>
    </message>
    <message>
        <source>Not printed, over the quota: it costs %1, %2 is left this month.</source>
        <translation>Not printed, over the quota: it costs %1, %2 is left this month.</translation>
    </message>
    <message>
        <source>This printer cannot print the job with the options chosen. Change them and print again; the job is still held.</source>
        <translation>This printer cannot print the job with the options chosen. Change them and print again; the job is still held.</translation>
    </message>
    <message>
        <source>%1 cannot print double-sided. Turn off Double-sided and print again; the job is still held.</source>
        <translation>%1 cannot print double-sided. Turn off Double-sided and print again; the job is still held.</translation>
    </message>
    <message>
        <source>%1 prints only in black and white. Turn on Black and white and print again; the job is still held.</source>
        <translation>%1 prints only in black and white. Turn on Black and white and print again; the job is still held.</translation>
    </message>
    <message>
        <source>%1 cannot print in black and white. Turn off Black and white and print again; the job is still held.</source>
        <translation>%1 cannot print in black and white. Turn off Black and white and print again; the job is still held.</translation>
    </message>
    <message numerus="yes">
        <source>%1 prints at most %n copies at a time. Choose fewer copies and print again; the job is still held.</source>
        <translation>
            <numerusform>%1 prints at most %n copy at a time. Choose fewer copies and print again; the job is still held.</numerusform>
            <numerusform>%1 prints at most %n copies at a time. Choose fewer copies and print again; the job is still held.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot print the job with the options chosen. Change them and print again; the job is still held.</source>
        <translation>%1 cannot print the job with the options chosen. Change them and print again; the job is still held.</translation>
    </message>
    <message>
        <source>A fingerprint is registered only with your consent. Agree on the consent screen first.</source>
        <translation>A fingerprint is registered only with your consent. Agree on the consent screen first.</translation>
    </message>
    <message>
        <source>Your print quota does not allow this. The job is still held; ask your print admin.</source>
        <translation>Your print quota does not allow this. The job is still held; ask your print admin.</translation>
    </message>
    <message>
        <source>The print options were not accepted. Change them and try again.</source>
        <translation>The print options were not accepted. Change them and try again.</translation>
    </message>
    <message>
        <source>The print server does not know this kiosk&apos;s printer. Tell the print admin.</source>
        <translation>The print server does not know this kiosk&apos;s printer. Tell the print admin.</translation>
    </message>
    <message>
        <source>You are not allowed to do that here.</source>
        <translation>You are not allowed to do that here.</translation>
    </message>
    <message>
        <source>The print server did not accept the request. Try again, or tell the print admin.</source>
        <translation>The print server did not accept the request. Try again, or tell the print admin.</translation>
    </message>
    <message>
        <source>This document is still arriving. Try again in a moment.</source>
        <translation>This document is still arriving. Try again in a moment.</translation>
    </message>
    <message>
        <source>This document cannot be printed as it is. Save it as PDF on your computer and print that.</source>
        <translation>This document cannot be printed as it is. Save it as PDF on your computer and print that.</translation>
    </message>
    <message>
        <source>The document is too large for the print server.</source>
        <translation>The document is too large for the print server.</translation>
    </message>
    <message>
        <source>The print server is busy converting other documents. Try again in a moment.</source>
        <translation>The print server is busy converting other documents. Try again in a moment.</translation>
    </message>
    <message>
        <source>The print server could not store this. Tell the print admin.</source>
        <translation>The print server could not store this. Tell the print admin.</translation>
    </message>
    <message>
        <source>The print server is checking many sign-ins right now. Try again in a moment.</source>
        <translation>The print server is checking many sign-ins right now. Try again in a moment.</translation>
    </message>
    <message>
        <source>Sign-in is locked at this kiosk after too many wrong tries, until %1. Use the kiosk of another printer, or try again after that. If it keeps happening, tell the print admin.</source>
        <translation>Sign-in is locked at this kiosk after too many wrong tries, until %1. Use the kiosk of another printer, or try again after that. If it keeps happening, tell the print admin.</translation>
    </message>
    <message>
        <source>The paper jammed in the feeder. Open the feeder, take the sheet out and put the pages not yet scanned back in. The pages scanned so far are kept.</source>
        <translation>The paper jammed in the feeder. Open the feeder, take the sheet out and put the pages not yet scanned back in. The pages scanned so far are kept.</translation>
    </message>
    <message>
        <source>The document feeder is empty. Put your pages in the feeder face up, or choose the glass and lay one page on it.</source>
        <translation>The document feeder is empty. Put your pages in the feeder face up, or choose the glass and lay one page on it.</translation>
    </message>
    <message>
        <source>The scanner&apos;s cover is open. Close it, then press Scan again.</source>
        <translation>The scanner&apos;s cover is open. Close it, then press Scan again.</translation>
    </message>
    <message>
        <source>The scanner is busy with someone else&apos;s job. Wait a moment, then press Scan again.</source>
        <translation>The scanner is busy with someone else&apos;s job. Wait a moment, then press Scan again.</translation>
    </message>
    <message>
        <source>The scanner cannot be reached. Try again in a minute; if it keeps happening, tell the print admin.</source>
        <translation>The scanner cannot be reached. Try again in a minute; if it keeps happening, tell the print admin.</translation>
    </message>
    <message>
        <source>Scanning stopped. The pages scanned so far are kept.</source>
        <translation>Scanning stopped. The pages scanned so far are kept.</translation>
    </message>
    <message>
        <source>Your account has no e-mail address, so a scan cannot be sent to you. Ask the print admin to add one.</source>
        <translation>Your account has no e-mail address, so a scan cannot be sent to you. Ask the print admin to add one.</translation>
    </message>
    <message>
        <source>Scanning to e-mail is not set up on the print server. Tell the print admin.</source>
        <translation>Scanning to e-mail is not set up on the print server. Tell the print admin.</translation>
    </message>
    <message>
        <source>This page would make the e-mail too large. Send the pages scanned so far, then scan the rest as a second e-mail.</source>
        <translation>This page would make the e-mail too large. Send the pages scanned so far, then scan the rest as a second e-mail.</translation>
    </message>
    <message>
        <source>There is nothing to send yet. Scan a page first.</source>
        <translation>There is nothing to send yet. Scan a page first.</translation>
    </message>
    <message>
        <source>The print server could not read a scanned page. Delete it and scan it again.</source>
        <translation>The print server could not read a scanned page. Delete it and scan it again.</translation>
    </message>
    <message>
        <source>The print server is following too many screens for this kiosk. It reconnects by itself; if this stays, tell the print admin.</source>
        <translation>The print server is following too many screens for this kiosk. It reconnects by itself; if this stays, tell the print admin.</translation>
    </message>
    <message>
        <source>The print server&apos;s storage is full. Try again later, or tell the print admin.</source>
        <translation>The print server&apos;s storage is full. Try again later, or tell the print admin.</translation>
    </message>
    <message>
        <source>You have too many jobs waiting. Print or delete some first.</source>
        <translation>You have too many jobs waiting. Print or delete some first.</translation>
    </message>
    <message>
        <source>You are already sending several documents to the print server. Try again once they have arrived.</source>
        <translation>You are already sending several documents to the print server. Try again once they have arrived.</translation>
    </message>
</context>
<context>
    <name>LinkCardScreen</name>
    <message numerus="yes">
        <source>Back in %n s</source>
        <translation>
            <numerusform>Back in %n s</numerusform>
            <numerusform>Back in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Link this card</source>
        <translation>Link this card</translation>
    </message>
    <message>
        <source>This card is not linked to an account yet. Enter your ID and password once; after that, tapping the card is enough.</source>
        <translation>This card is not linked to an account yet. Enter your ID and password once; after that, tapping the card is enough.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Link and sign in</source>
        <translation>Link and sign in</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>MPS Kiosk</source>
        <translation>MPS Kiosk</translation>
    </message>
</context>
<context>
    <name>NaturalTime</name>
    <message>
        <source>h:mm AP</source>
        <extracomment>Time of day, QLocale pattern: h hour, mm minutes, AP AM/PM (Korean: 오전/오후). Korean: &quot;AP h:mm&quot;.</extracomment>
        <translation>h:mm AP</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Today %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Yesterday %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Tomorrow %1</translation>
    </message>
    <message>
        <source>MMM d</source>
        <extracomment>A day this year, QLocale pattern: MMM short month name, d day. Korean: &quot;M월 d일&quot;.</extracomment>
        <translation>MMM d</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <extracomment>A day in another year. Korean: &quot;yyyy년 M월 d일&quot;.</extracomment>
        <translation>MMM d, yyyy</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>%1 the day (&quot;Dec 3&quot;), %2 the time of day (&quot;3:05 PM&quot;). Korean: &quot;%1 %2&quot;.</extracomment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>NumberPad</name>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message numerus="yes">
        <source>Back in %n s</source>
        <translation>
            <numerusform>Back in %n s</numerusform>
            <numerusform>Back in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in with your ID and PIN</source>
        <translation>Sign in with your ID and PIN</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message>
        <source>Glass</source>
        <translation>Glass</translation>
    </message>
    <message>
        <source>Feeder</source>
        <translation>Feeder</translation>
    </message>
    <message>
        <source>Feeder, both sides</source>
        <translation>Feeder, both sides</translation>
    </message>
    <message>
        <source>Sent to %1</source>
        <translation>Sent to %1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan another page</source>
        <translation>Scan another page</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>This scan has the most pages one e-mail takes (%1). Send it, then scan the rest.</source>
        <translation>This scan has the most pages one e-mail takes (%1). Send it, then scan the rest.</translation>
    </message>
    <message numerus="yes">
        <source>Your scan (%n page(s)) is on its way to %1.</source>
        <translation>
            <numerusform>Your scan (%n page) is on its way to %1.</numerusform>
            <numerusform>Your scan (%n pages) is on its way to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message numerus="yes">
        <source>Auto sign-out in %n s</source>
        <translation>
            <numerusform>Auto sign-out in %n s</numerusform>
            <numerusform>Auto sign-out in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan to my e-mail</source>
        <translation>Scan to my e-mail</translation>
    </message>
    <message>
        <source>Delete page %1</source>
        <translation>Delete page %1</translation>
    </message>
    <message>
        <source>Put your pages in the feeder or on the glass, then press Scan. The pages appear here as they are scanned.</source>
        <translation>Put your pages in the feeder or on the glass, then press Scan. The pages appear here as they are scanned.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grey</translation>
    </message>
    <message>
        <source>B/W</source>
        <comment>black and white</comment>
        <translation>B/W</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>150 dpi</source>
        <translation>150 dpi</translation>
    </message>
    <message>
        <source>300 dpi</source>
        <translation>300 dpi</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>%1.pdf</source>
        <translation>%1.pdf</translation>
    </message>
    <message>
        <source>Stop scanning</source>
        <translation>Stop scanning</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Send (%1)</source>
        <translation>Send (%1)</translation>
    </message>
    <message>
        <source>Back to my jobs</source>
        <translation>Back to my jobs</translation>
    </message>
    <message>
        <source>Discard and go back</source>
        <translation>Discard and go back</translation>
    </message>
    <message>
        <source>File name (.pdf is added)</source>
        <translation>File name (.pdf is added)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
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
    <name>TextPad</name>
    <message>
        <source>!#1</source>
        <extracomment>The keyboard key that shows the symbols page, and (on it) the one back to letters.</extracomment>
        <translation>!#1</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
</context>
</TS>
