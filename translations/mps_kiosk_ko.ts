<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ApiClient</name>
    <message>
        <source>The server presented a different certificate from the one this device trusts. Do not sign in; ask the print admin whether the server&apos;s certificate was replaced.</source>
        <translation>서버가 이 기기가 신뢰하는 인증서와 다른 인증서를 제시했습니다. 로그인하지 말고, 서버 인증서가 교체되었는지 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (%1). Compare its fingerprint with the one from your print admin and trust it, or ask the print admin for a trusted certificate.</source>
        <translation>서버 인증서를 신뢰할 수 없습니다(%1). 지문을 인쇄 관리자가 알려 준 지문과 비교한 뒤 신뢰하거나, 인쇄 관리자에게 신뢰할 수 있는 인증서를 요청하세요.</translation>
    </message>
    <message>
        <source>No server address is set. Enter the print server&apos;s address.</source>
        <translation>서버 주소가 설정되지 않았습니다. 인쇄 서버 주소를 입력하세요.</translation>
    </message>
    <message>
        <source>The server address is not valid. Use an address such as https://print.example.org:8631.</source>
        <translation>서버 주소가 올바르지 않습니다. https://print.example.org:8631 과 같은 형식으로 입력하세요.</translation>
    </message>
    <message>
        <source>The document cannot be read.</source>
        <translation>문서를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>This kind of document (%1) cannot be printed. Print a PDF, JPEG or PWG raster file.</source>
        <translation>이 형식의 문서(%1)는 인쇄할 수 없습니다. PDF, JPEG 또는 PWG 래스터 파일을 인쇄하세요.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read. Check that it exists and that you may open it.</source>
        <translation>%1 파일을 읽을 수 없습니다. 파일이 있는지, 열 수 있는 권한이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>The server did not present a certificate. Ask the print admin.</source>
        <translation>서버가 인증서를 제시하지 않았습니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The server cannot be found. Check the server address and the network connection.</source>
        <translation>서버를 찾을 수 없습니다. 서버 주소와 네트워크 연결을 확인하세요.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection.</source>
        <translation>서버에 연결할 수 없습니다. 네트워크 연결을 확인하세요.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network connection and try again.</source>
        <translation>서버가 제때 응답하지 않았습니다. 네트워크 연결을 확인하고 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>ApiReply</name>
    <message>
        <source>The server sent an answer that is too large. Ask the print admin.</source>
        <translation>서버의 응답이 너무 큽니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>요청이 취소되었습니다.</translation>
    </message>
    <message>
        <source>The server sent an answer this app cannot read. Update the app or ask the print admin.</source>
        <translation>이 앱이 읽을 수 없는 응답을 서버가 보냈습니다. 앱을 업데이트하거나 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The server cannot be found. Check the server address and the network connection.</source>
        <translation>서버를 찾을 수 없습니다. 서버 주소와 네트워크 연결을 확인하세요.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network connection and try again.</source>
        <translation>서버가 제때 응답하지 않았습니다. 네트워크 연결을 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be set up. Ask the print admin.</source>
        <translation>서버와 보안 연결을 맺을 수 없습니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The server address is not valid. Use an address such as https://print.example.org:8631.</source>
        <translation>서버 주소가 올바르지 않습니다. https://print.example.org:8631 과 같은 형식으로 입력하세요.</translation>
    </message>
    <message>
        <source>The server sent an answer this app cannot read. Check the server address.</source>
        <translation>이 앱이 읽을 수 없는 응답을 서버가 보냈습니다. 서버 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection.</source>
        <translation>서버에 연결할 수 없습니다. 네트워크 연결을 확인하세요.</translation>
    </message>
    <message>
        <source>The server did not accept the request. Update the app or ask the print admin.</source>
        <translation>서버가 요청을 받아들이지 않았습니다. 앱을 업데이트하거나 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>세션이 종료되었습니다. 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>이 작업을 할 권한이 없습니다.</translation>
    </message>
    <message>
        <source>The server does not know this request. Check the server address.</source>
        <translation>서버가 이 요청을 알지 못합니다. 서버 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The document is too large for the server.</source>
        <translation>문서가 너무 커서 서버에 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>The server accepts only secure connections. Use an address that starts with https://.</source>
        <translation>서버는 보안 연결만 허용합니다. https:// 로 시작하는 주소를 사용하세요.</translation>
    </message>
    <message>
        <source>There were too many attempts. Wait a few minutes and try again.</source>
        <translation>시도 횟수가 너무 많습니다. 몇 분 뒤에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server is starting or busy. Try again in a moment.</source>
        <translation>서버가 시작 중이거나 바쁩니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server had a problem. Try again later or ask the print admin.</source>
        <translation>서버에 문제가 생겼습니다. 나중에 다시 시도하거나 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The server answered with an unexpected error (HTTP %1). Try again later.</source>
        <translation>서버가 예기치 않은 오류(HTTP %1)로 응답했습니다. 나중에 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>CardReader</name>
    <message>
        <source>The card reader service is not running. Sign in with your ID and PIN, and tell the print admin.</source>
        <translation>카드 리더 서비스가 실행되고 있지 않습니다. ID와 PIN으로 로그인하시고 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>No card reader is connected. Sign in with your ID and PIN, and tell the print admin.</source>
        <translation>연결된 카드 리더가 없습니다. ID와 PIN으로 로그인하시고 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>The card could not be read. Take it away and tap it again.</source>
        <translation>카드를 읽지 못했습니다. 카드를 뗐다가 다시 대 주세요.</translation>
    </message>
</context>
<context>
    <name>ConfirmDeleteDialog</name>
    <message numerus="yes">
        <source>Delete %n job(s)?</source>
        <translation>
            <numerusform>문서 %n건을 삭제할까요?</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted jobs are destroyed on the server and cannot be printed or recovered.</source>
        <translation>삭제한 문서는 서버에서 완전히 지워지며 다시 출력하거나 복구할 수 없습니다.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>삭제 안 함</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message numerus="yes">
        <source>Auto sign-out in %n s</source>
        <translation>
            <numerusform>%n초 후 자동 로그아웃</numerusform>
        </translation>
    </message>
    <message>
        <source>Register your fingerprint?</source>
        <translation>지문을 등록할까요?</translation>
    </message>
    <message>
        <source>What is kept</source>
        <translation>보관하는 것</translation>
    </message>
    <message>
        <source>A template computed from your fingerprint (a set of numbers), not an image of it.</source>
        <translation>지문에서 계산한 특징 정보(숫자의 모음)만 보관하며, 지문 이미지는 보관하지 않습니다.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>보관 장소</translation>
    </message>
    <message>
        <source>Only on the print server, encrypted. Never on this kiosk.</source>
        <translation>인쇄 서버에만 암호화하여 보관합니다. 이 키오스크에는 남지 않습니다.</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>이용 목적</translation>
    </message>
    <message>
        <source>To recognise you at the kiosks, so you can print your jobs by touching the sensor.</source>
        <translation>키오스크에서 본인을 확인하여, 센서에 손가락만 대면 인쇄물을 출력할 수 있게 합니다.</translation>
    </message>
    <message>
        <source>For how long</source>
        <translation>보관 기간</translation>
    </message>
    <message>
        <source>Until you withdraw your consent: here under &quot;My fingerprint&quot; or in the tray app.</source>
        <translation>동의를 철회할 때까지입니다. 여기 &apos;내 지문&apos;이나 트레이 앱에서 언제든 철회할 수 있습니다.</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>선택 사항</translation>
    </message>
    <message>
        <source>Registering is optional. Your card and PIN always keep working.</source>
        <translation>등록하지 않아도 됩니다. 사원증과 PIN은 언제나 그대로 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Agree and register</source>
        <translation>동의하고 등록</translation>
    </message>
    <message>
        <source>Withdraw consent and delete my fingerprint</source>
        <translation>동의 철회 및 내 지문 삭제</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>EventStream</name>
    <message>
        <source>The server sent something other than events. Check the server address.</source>
        <translation>서버가 이벤트가 아닌 데이터를 보냈습니다. 서버 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The connection to the server was closed. Reconnecting.</source>
        <translation>서버 연결이 끊어졌습니다. 다시 연결하는 중입니다.</translation>
    </message>
</context>
<context>
    <name>FaultBanner</name>
    <message>
        <source>%1 cannot print now: %2.</source>
        <translation>%1 프린터는 지금 출력할 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Your jobs stay held. Print them at a printer nearby:</source>
        <translation>문서는 그대로 보관됩니다. 가까운 다음 프린터에서 출력하세요:</translation>
    </message>
    <message>
        <source>Your jobs stay held until you print them at another printer.</source>
        <translation>다른 프린터에서 출력할 때까지 문서는 그대로 보관됩니다.</translation>
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
        <translation>등록된 지문을 읽을 수 없습니다. 다른 방법으로 로그인한 뒤 지문을 다시 등록하세요.</translation>
    </message>
    <message>
        <source>The touch was too short. Keep your finger on the sensor a little longer.</source>
        <translation>터치가 너무 짧았습니다. 손가락을 센서에 조금 더 오래 대세요.</translation>
    </message>
    <message>
        <source>Place your finger in the middle of the sensor.</source>
        <translation>손가락을 센서 가운데에 대세요.</translation>
    </message>
    <message>
        <source>Lift your finger, then touch the sensor again.</source>
        <translation>손가락을 뗀 다음 센서를 다시 터치하세요.</translation>
    </message>
    <message>
        <source>The fingerprint could not be read. Touch the sensor again.</source>
        <translation>지문을 읽지 못했습니다. 센서를 다시 터치하세요.</translation>
    </message>
    <message>
        <source>The fingerprint sensor&apos;s memory is full. Tell the print admin.</source>
        <translation>지문 센서의 저장 공간이 가득 찼습니다. 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>The fingerprint sensor is not connected. Tap your card or sign in with your ID and PIN.</source>
        <translation>지문 센서가 연결되어 있지 않습니다. 카드를 대거나 ID와 PIN으로 로그인하세요.</translation>
    </message>
    <message>
        <source>The fingerprint sensor failed. Tap your card or sign in with your ID and PIN, and tell the print admin.</source>
        <translation>지문 센서에 오류가 발생했습니다. 카드를 대거나 ID와 PIN으로 로그인하고, 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>This sensor does not hold your fingerprint: it was registered on another sensor. Continue without it, or register it again here.</source>
        <translation>이 센서에는 지문이 저장되어 있지 않습니다. 다른 센서에서 등록한 지문입니다. 지문 없이 계속하거나 여기에서 다시 등록하세요.</translation>
    </message>
</context>
<context>
    <name>FingerprintScreen</name>
    <message numerus="yes">
        <source>Auto sign-out in %n s</source>
        <translation>
            <numerusform>%n초 후 자동 로그아웃</numerusform>
        </translation>
    </message>
    <message>
        <source>Register your fingerprint</source>
        <translation>지문 등록</translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation>본인 확인</translation>
    </message>
    <message numerus="yes">
        <source>Touch the sensor %n more time(s) with the same finger, lifting it in between.</source>
        <translation>
            <numerusform>같은 손가락으로 센서를 %n번 더 터치하세요. 터치할 때마다 손가락을 뗐다가 다시 대세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your account asks for your fingerprint after the card or PIN.</source>
        <translation>이 계정은 카드나 PIN 다음에 지문 확인이 필요합니다.</translation>
    </message>
    <message>
        <source>Your fingerprint is kept encrypted on the print server, never on this kiosk. You can remove it here at any time.</source>
        <translation>지문은 암호화되어 인쇄 서버에만 보관되며 이 키오스크에는 저장되지 않습니다. 언제든지 여기에서 삭제할 수 있습니다.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Back to my jobs</source>
        <translation>내 문서로 돌아가기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Continue without fingerprint</source>
        <translation>지문 없이 계속</translation>
    </message>
    <message>
        <source>Withdraw consent and delete my fingerprint</source>
        <translation>동의 철회 및 내 지문 삭제</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Tap your staff card</source>
        <translation>사원증을 대 주세요</translation>
    </message>
    <message>
        <source>Your held print jobs appear here. Print them or delete the ones you no longer need.</source>
        <translation>보관 중인 출력 문서가 여기에 표시됩니다. 출력하거나 필요 없는 문서는 삭제하세요.</translation>
    </message>
    <message>
        <source>Sign in with ID and PIN</source>
        <translation>ID와 PIN으로 로그인</translation>
    </message>
    <message>
        <source>or touch the fingerprint sensor</source>
        <translation>또는 지문 센서에 손가락을 대세요</translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n쪽</numerusform>
        </translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>컬러</translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>흑백</translation>
    </message>
    <message>
        <source>%1 here</source>
        <extracomment>What printing the job here costs with its options, e.g. &quot;₩400&quot;.</extracomment>
        <translation>이곳에서 %1</translation>
    </message>
</context>
<context>
    <name>JobsScreen</name>
    <message numerus="yes">
        <source>Signing out in %n s</source>
        <translation>
            <numerusform>%n초 후 로그아웃</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Auto sign-out in %n s</source>
        <translation>
            <numerusform>%n초 후 자동 로그아웃</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>%1, your held jobs</source>
        <translation>%1 님의 보관 문서</translation>
    </message>
    <message>
        <source>You have no held jobs.</source>
        <translation>보관 중인 문서가 없습니다.</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>Double-sided</source>
        <translation>양면 인쇄</translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>흑백</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>선택 해제</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>모두 선택</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Print selected (%1)</source>
        <translation>선택 문서 출력 (%1)</translation>
    </message>
    <message>
        <source>Print all and sign out</source>
        <translation>모두 출력하고 로그아웃</translation>
    </message>
    <message>
        <source>My fingerprint</source>
        <translation>내 지문</translation>
    </message>
    <message>
        <source>Register fingerprint</source>
        <translation>지문 등록</translation>
    </message>
    <message>
        <source>Scan to my e-mail</source>
        <translation>내 이메일로 스캔</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>세션이 종료되었습니다. 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>Enter your ID and PIN.</source>
        <translation>ID와 PIN을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter your ID and password.</source>
        <translation>ID와 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>%1 cannot print now (%2). Your jobs stay held: print them at one of the printers listed.</source>
        <translation>%1 프린터는 지금 출력할 수 없습니다(%2). 문서는 그대로 보관되니 목록에 있는 다른 프린터에서 출력하세요.</translation>
    </message>
    <message>
        <source>Your jobs are printing. You will be signed out in a moment.</source>
        <translation>문서를 출력하고 있습니다. 잠시 후 자동으로 로그아웃됩니다.</translation>
    </message>
    <message>
        <source>You have been signed out. Your jobs are printing.</source>
        <translation>로그아웃되었습니다. 문서는 출력 중입니다.</translation>
    </message>
    <message numerus="yes">
        <source>You were signed out after %n second(s) without activity.</source>
        <translation>
            <numerusform>%n초 동안 사용하지 않아 로그아웃되었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lift your finger and touch the sensor again (%1 of %2).</source>
        <translation>손가락을 뗐다가 센서를 다시 터치하세요 (%2번 중 %1번째).</translation>
    </message>
    <message>
        <source>Your account needs a fingerprint check, but the sensor is not working. Ask the print admin.</source>
        <translation>이 계정은 지문 확인이 필요하지만 지문 센서가 작동하지 않습니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>Touch the fingerprint sensor to confirm it is you.</source>
        <translation>본인 확인을 위해 지문 센서에 손가락을 대세요.</translation>
    </message>
    <message>
        <source>Fingerprint not recognised, or you have no jobs waiting. Try again, tap your card, or sign in with your ID and PIN.</source>
        <translation>지문을 인식하지 못했거나 대기 중인 문서가 없습니다. 다시 시도하거나, 카드를 대거나, ID와 PIN으로 로그인하세요.</translation>
    </message>
    <message>
        <source>Touch the sensor with the finger you want to use.</source>
        <translation>사용할 손가락으로 센서를 터치하세요.</translation>
    </message>
    <message>
        <source>Fingerprint registered. Next time, just touch the sensor.</source>
        <translation>지문이 등록되었습니다. 다음부터는 센서에 손가락만 대면 됩니다.</translation>
    </message>
    <message>
        <source>Your consent is withdrawn and your fingerprint was deleted from the print server.</source>
        <translation>동의가 철회되어 인쇄 서버에서 지문을 삭제했습니다.</translation>
    </message>
    <message>
        <source>Print server unreachable, retrying</source>
        <translation>인쇄 서버에 연결할 수 없음, 다시 시도 중</translation>
    </message>
</context>
<context>
    <name>KioskText</name>
    <message>
        <source>paper jam</source>
        <translation>용지 걸림</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>용지 없음</translation>
    </message>
    <message>
        <source>out of toner</source>
        <translation>토너 없음</translation>
    </message>
    <message>
        <source>cover open</source>
        <translation>덮개 열림</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <source>waste toner full</source>
        <translation>폐토너 통 가득 참</translation>
    </message>
    <message>
        <source>This card is not linked to an account yet. Sign in once with your ID and password to link it.</source>
        <translation>아직 계정에 등록되지 않은 카드입니다. ID와 비밀번호로 한 번 로그인하면 카드가 등록됩니다.</translation>
    </message>
    <message>
        <source>The ID or PIN is not correct. Check them and try again.</source>
        <translation>ID 또는 PIN이 올바르지 않습니다. 확인 후 다시 입력하세요.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Sign-in is locked for five minutes; try again later or ask the print admin.</source>
        <translation>로그인 실패가 너무 많아 5분 동안 잠겼습니다. 잠시 후 다시 시도하거나 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>This card is already linked to another account. Ask the print admin.</source>
        <translation>이 카드는 이미 다른 계정에 등록되어 있습니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>Enter your ID and PIN.</source>
        <translation>ID와 PIN을 입력하세요.</translation>
    </message>
    <message>
        <source>This kiosk is not registered. Ask the print admin for a device token.</source>
        <translation>등록되지 않은 키오스크입니다. 인쇄 관리자에게 장치 토큰을 요청하세요.</translation>
    </message>
    <message>
        <source>At this kiosk you can print only to its own printer.</source>
        <translation>이 키오스크에서는 이 키오스크의 프린터로만 출력할 수 있습니다.</translation>
    </message>
    <message>
        <source>This job cannot be changed any more: it is already printing or finished.</source>
        <translation>이미 출력 중이거나 끝난 문서라서 더 이상 변경할 수 없습니다.</translation>
    </message>
    <message>
        <source>This job no longer exists.</source>
        <translation>이 문서는 더 이상 존재하지 않습니다.</translation>
    </message>
    <message>
        <source>The print server cannot be reached. Try again in a moment, or tell the print admin.</source>
        <translation>출력 서버에 연결할 수 없습니다. 잠시 후 다시 시도하거나 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>The print server&apos;s identity could not be verified. Tell the print admin.</source>
        <translation>출력 서버의 신원을 확인할 수 없습니다. 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>세션이 종료되었습니다. 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again, or tell the print admin.</source>
        <translation>문제가 발생했습니다. 다시 시도하거나 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Cannot print: %1</source>
        <translation>출력 불가: %1</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>출력 중</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>정지됨</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>출력 가능</translation>
    </message>
    <message>
        <source>Waiting to print</source>
        <translation>출력 대기</translation>
    </message>
    <message>
        <source>Not printed: %1</source>
        <translation>출력되지 않음: %1</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>프린터로 보내는 중…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>출력 중…</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>출력 완료</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>삭제됨</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>보관 기간 만료</translation>
    </message>
    <message>
        <source>The fingerprint check timed out. Tap your card or touch the sensor again.</source>
        <translation>지문 확인 시간이 지났습니다. 카드를 대거나 센서를 다시 터치하세요.</translation>
    </message>
    <message>
        <source>The fingerprint could not be registered. Try again.</source>
        <translation>지문을 등록하지 못했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The fingerprint did not match. Try again with the finger you registered.</source>
        <translation>지문이 일치하지 않습니다. 등록한 손가락으로 다시 시도하세요.</translation>
    </message>
    <message numerus="yes">
        <source>The ID or PIN is not correct. You can try %n more time(s) before sign-in is locked.</source>
        <translation>
            <numerusform>ID 또는 PIN이 올바르지 않습니다. %n번 더 틀리면 로그인이 잠깁니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is locked after too many wrong PINs or passwords, until %1. Try again after that, or ask the print admin to unlock it.</source>
        <translation>잘못된 PIN이나 비밀번호를 여러 번 입력해서 이 계정은 %1까지 잠겨 있습니다. 그 뒤에 다시 시도하거나 인쇄 관리자에게 잠금 해제를 요청하세요.</translation>
    </message>
    <message>
        <source>The %1 print quota for this month is used up, so this job (%2) was not printed. It stays held: ask your department head or the print admin for an allowance.</source>
        <translation>이번 달 %1 출력 한도를 모두 사용해서 이 작업(%2)은 출력되지 않았습니다. 작업은 출력 대기 상태로 남습니다. 부서장이나 인쇄 관리자에게 추가 한도를 요청하세요.</translation>
    </message>
    <message>
        <source>This job costs %1, but only %2 is left of the %3 print quota this month. It stays held: print fewer copies, in black and white or double-sided, or ask your department head for an allowance.</source>
        <translation>이 작업은 %1인데 이번 달 %3 출력 한도가 %2 남았습니다. 작업은 출력 대기 상태로 남습니다. 매수를 줄이거나 흑백·양면으로 출력하거나, 부서장에게 추가 한도를 요청하세요.</translation>
    </message>
    <message>
        <source>Your print quota for this month is used up, so this job (%1) was not printed. It stays held: ask the print admin for an allowance.</source>
        <translation>이번 달 출력 한도를 모두 사용해서 이 작업(%1)은 출력되지 않았습니다. 작업은 출력 대기 상태로 남습니다. 인쇄 관리자에게 추가 한도를 요청하세요.</translation>
    </message>
    <message>
        <source>This job costs %1, but only %2 is left of your print quota this month. It stays held: print fewer copies, in black and white or double-sided, or ask the print admin for an allowance.</source>
        <translation>이 작업은 %1인데 이번 달 개인 출력 한도가 %2 남았습니다. 작업은 출력 대기 상태로 남습니다. 매수를 줄이거나 흑백·양면으로 출력하거나, 인쇄 관리자에게 추가 한도를 요청하세요.</translation>
    </message>
    <message>
        <source>%1 is %2 over its print quota this month</source>
        <translation>이번 달 %1 출력 한도를 %2 초과했습니다</translation>
    </message>
    <message>
        <source>You are %1 over your print quota this month</source>
        <translation>이번 달 출력 한도를 %1 초과했습니다</translation>
    </message>
    <message>
        <source>Left of the %1 print quota this month: %2</source>
        <translation>이번 달 %1 출력 한도 잔액: %2</translation>
    </message>
    <message>
        <source>Left of your print quota this month: %1</source>
        <translation>이번 달 출력 한도 잔액: %1</translation>
    </message>
    <message>
        <source>Not printed, over the quota: it costs %1, %2 is left this month.</source>
        <translation>한도 초과로 출력되지 않음: %1 필요, 이번 달 잔액 %2</translation>
    </message>
    <message>
        <source>This printer cannot print the job with the options chosen. Change them and print again; the job is still held.</source>
        <translation>이 프린터는 선택한 옵션으로 인쇄할 수 없습니다. 옵션을 바꿔 다시 출력하세요. 문서는 그대로 보관됩니다.</translation>
    </message>
    <message>
        <source>%1 cannot print double-sided. Turn off Double-sided and print again; the job is still held.</source>
        <translation>%1 프린터는 양면 인쇄를 할 수 없습니다. &apos;양면 인쇄&apos;를 끄고 다시 출력하세요. 문서는 그대로 보관됩니다.</translation>
    </message>
    <message>
        <source>%1 prints only in black and white. Turn on Black and white and print again; the job is still held.</source>
        <translation>%1 프린터는 흑백으로만 인쇄합니다. &apos;흑백&apos;을 켜고 다시 출력하세요. 문서는 그대로 보관됩니다.</translation>
    </message>
    <message>
        <source>%1 cannot print in black and white. Turn off Black and white and print again; the job is still held.</source>
        <translation>%1 프린터는 흑백 인쇄를 할 수 없습니다. &apos;흑백&apos;을 끄고 다시 출력하세요. 문서는 그대로 보관됩니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1 prints at most %n copies at a time. Choose fewer copies and print again; the job is still held.</source>
        <translation>
            <numerusform>%1 프린터는 한 번에 %n부까지만 인쇄합니다. 매수를 줄여 다시 출력하세요. 문서는 그대로 보관됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot print the job with the options chosen. Change them and print again; the job is still held.</source>
        <translation>%1 프린터는 선택한 옵션으로 인쇄할 수 없습니다. 옵션을 바꿔 다시 출력하세요. 문서는 그대로 보관됩니다.</translation>
    </message>
    <message>
        <source>A fingerprint is registered only with your consent. Agree on the consent screen first.</source>
        <translation>지문은 본인이 동의한 경우에만 등록됩니다. 먼저 동의 화면에서 동의해 주세요.</translation>
    </message>
    <message>
        <source>Your print quota does not allow this. The job is still held; ask your print admin.</source>
        <translation>인쇄 한도를 넘어 출력할 수 없습니다. 문서는 그대로 보관됩니다. 인쇄 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>The print options were not accepted. Change them and try again.</source>
        <translation>인쇄 옵션이 받아들여지지 않았습니다. 옵션을 바꿔 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The print server does not know this kiosk&apos;s printer. Tell the print admin.</source>
        <translation>인쇄 서버에 이 키오스크의 프린터가 등록되어 있지 않습니다. 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>You are not allowed to do that here.</source>
        <translation>여기에서는 이 작업을 할 권한이 없습니다.</translation>
    </message>
    <message>
        <source>The print server did not accept the request. Try again, or tell the print admin.</source>
        <translation>인쇄 서버가 요청을 받아들이지 않았습니다. 다시 시도하거나 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>This document is still arriving. Try again in a moment.</source>
        <translation>문서를 아직 받는 중입니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>This document cannot be printed as it is. Save it as PDF on your computer and print that.</source>
        <translation>이 문서는 그대로 인쇄할 수 없습니다. 컴퓨터에서 PDF로 저장한 뒤 그 파일을 인쇄하세요.</translation>
    </message>
    <message>
        <source>The document is too large for the print server.</source>
        <translation>문서가 너무 커서 인쇄 서버가 받을 수 없습니다.</translation>
    </message>
    <message>
        <source>The print server is busy converting other documents. Try again in a moment.</source>
        <translation>인쇄 서버가 다른 문서를 변환하느라 바쁩니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The print server could not store this. Tell the print admin.</source>
        <translation>인쇄 서버가 이 내용을 저장하지 못했습니다. 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>The print server is checking many sign-ins right now. Try again in a moment.</source>
        <translation>인쇄 서버에 로그인 요청이 몰려 있습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Sign-in is locked at this kiosk after too many wrong tries, until %1. Use the kiosk of another printer, or try again after that. If it keeps happening, tell the print admin.</source>
        <translation>이 키오스크에서 잘못 입력한 횟수가 너무 많아 %1까지 로그인이 잠겨 있습니다. 다른 프린터의 키오스크를 이용하거나 그 뒤에 다시 시도하세요. 이런 일이 계속되면 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>The paper jammed in the feeder. Open the feeder, take the sheet out and put the pages not yet scanned back in. The pages scanned so far are kept.</source>
        <translation>급지대에 용지가 걸렸습니다. 급지대를 열어 걸린 용지를 빼고, 아직 스캔하지 않은 페이지를 다시 넣으세요. 지금까지 스캔한 페이지는 그대로 있습니다.</translation>
    </message>
    <message>
        <source>The document feeder is empty. Put your pages in the feeder face up, or choose the glass and lay one page on it.</source>
        <translation>급지대가 비어 있습니다. 원고를 앞면이 위로 오게 급지대에 넣거나, 평판을 선택하고 유리 위에 한 장을 올려 놓으세요.</translation>
    </message>
    <message>
        <source>The scanner&apos;s cover is open. Close it, then press Scan again.</source>
        <translation>스캐너 덮개가 열려 있습니다. 덮개를 닫고 스캔을 다시 누르세요.</translation>
    </message>
    <message>
        <source>The scanner is busy with someone else&apos;s job. Wait a moment, then press Scan again.</source>
        <translation>스캐너가 다른 작업을 처리하고 있습니다. 잠시 기다린 뒤 스캔을 다시 누르세요.</translation>
    </message>
    <message>
        <source>The scanner cannot be reached. Try again in a minute; if it keeps happening, tell the print admin.</source>
        <translation>스캐너에 연결할 수 없습니다. 1분 뒤에 다시 해 보시고, 계속 이러면 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>Scanning stopped. The pages scanned so far are kept.</source>
        <translation>스캔을 멈췄습니다. 지금까지 스캔한 페이지는 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Your account has no e-mail address, so a scan cannot be sent to you. Ask the print admin to add one.</source>
        <translation>계정에 이메일 주소가 없어 스캔을 보낼 수 없습니다. 인쇄 관리자에게 주소 등록을 요청하세요.</translation>
    </message>
    <message>
        <source>Scanning to e-mail is not set up on the print server. Tell the print admin.</source>
        <translation>인쇄 서버에 이메일로 스캔 기능이 설정되어 있지 않습니다. 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>This page would make the e-mail too large. Send the pages scanned so far, then scan the rest as a second e-mail.</source>
        <translation>이 페이지를 더하면 이메일이 너무 커집니다. 지금까지 스캔한 페이지를 먼저 보내고, 나머지는 다음 이메일로 스캔하세요.</translation>
    </message>
    <message>
        <source>There is nothing to send yet. Scan a page first.</source>
        <translation>아직 보낼 페이지가 없습니다. 먼저 한 페이지를 스캔하세요.</translation>
    </message>
    <message>
        <source>The print server could not read a scanned page. Delete it and scan it again.</source>
        <translation>인쇄 서버가 스캔한 페이지를 읽지 못했습니다. 그 페이지를 지우고 다시 스캔하세요.</translation>
    </message>
    <message>
        <source>The print server is following too many screens for this kiosk. It reconnects by itself; if this stays, tell the print admin.</source>
        <translation>인쇄 서버가 이 키오스크의 연결을 너무 많이 유지하고 있습니다. 스스로 다시 연결합니다. 계속 이러면 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>The print server&apos;s storage is full. Try again later, or tell the print admin.</source>
        <translation>인쇄 서버의 저장 공간이 가득 찼습니다. 나중에 다시 시도하거나 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>You have too many jobs waiting. Print or delete some first.</source>
        <translation>대기 중인 작업이 너무 많습니다. 먼저 일부를 인쇄하거나 삭제하세요.</translation>
    </message>
    <message>
        <source>You are already sending several documents to the print server. Try again once they have arrived.</source>
        <translation>이미 여러 문서를 인쇄 서버로 보내는 중입니다. 모두 도착한 뒤 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>LinkCardScreen</name>
    <message numerus="yes">
        <source>Back in %n s</source>
        <translation>
            <numerusform>%n초 후 처음 화면으로</numerusform>
        </translation>
    </message>
    <message>
        <source>Link this card</source>
        <translation>카드 등록</translation>
    </message>
    <message>
        <source>This card is not linked to an account yet. Enter your ID and password once; after that, tapping the card is enough.</source>
        <translation>아직 계정에 등록되지 않은 카드입니다. ID와 비밀번호를 한 번 입력하면, 다음부터는 카드만 대면 됩니다.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Link and sign in</source>
        <translation>등록하고 로그인</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>MPS Kiosk</source>
        <translation>MPS 키오스크</translation>
    </message>
</context>
<context>
    <name>NaturalTime</name>
    <message>
        <source>h:mm AP</source>
        <extracomment>Time of day, QLocale pattern: h hour, mm minutes, AP AM/PM (Korean: 오전/오후). Korean: &quot;AP h:mm&quot;.</extracomment>
        <translation>AP h:mm</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>오늘 %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>어제 %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>내일 %1</translation>
    </message>
    <message>
        <source>MMM d</source>
        <extracomment>A day this year, QLocale pattern: MMM short month name, d day. Korean: &quot;M월 d일&quot;.</extracomment>
        <translation>M월 d일</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <extracomment>A day in another year. Korean: &quot;yyyy년 M월 d일&quot;.</extracomment>
        <translation>yyyy년 M월 d일</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>%1 the day (&quot;Dec 3&quot;), %2 the time of day (&quot;3:05 PM&quot;). Korean: &quot;%1 %2&quot;.</extracomment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>NumberPad</name>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message numerus="yes">
        <source>Back in %n s</source>
        <translation>
            <numerusform>%n초 후 처음 화면으로</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in with your ID and PIN</source>
        <translation>ID와 PIN으로 로그인</translation>
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
        <translation>취소</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message>
        <source>Glass</source>
        <translation>원고대(유리)</translation>
    </message>
    <message>
        <source>Feeder</source>
        <translation>자동 급지대</translation>
    </message>
    <message>
        <source>Feeder, both sides</source>
        <translation>자동 급지대(양면)</translation>
    </message>
    <message>
        <source>Sent to %1</source>
        <translation>받는 주소: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n쪽</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan another page</source>
        <translation>한 쪽 더 스캔</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>스캔</translation>
    </message>
    <message>
        <source>This scan has the most pages one e-mail takes (%1). Send it, then scan the rest.</source>
        <translation>이메일 한 통에 담을 수 있는 최대 쪽수(%1쪽)에 이르렀습니다. 먼저 보내고 나머지를 스캔하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Your scan (%n page(s)) is on its way to %1.</source>
        <translation>
            <numerusform>스캔한 %n쪽을 %1(으)로 보내고 있습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message numerus="yes">
        <source>Auto sign-out in %n s</source>
        <translation>
            <numerusform>%n초 후 자동 로그아웃</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan to my e-mail</source>
        <translation>내 이메일로 스캔</translation>
    </message>
    <message>
        <source>Delete page %1</source>
        <translation>%1쪽 삭제</translation>
    </message>
    <message>
        <source>Put your pages in the feeder or on the glass, then press Scan. The pages appear here as they are scanned.</source>
        <translation>원고를 급지대나 원고대에 올려 놓고 스캔을 누르세요. 스캔한 쪽이 여기에 차례로 나타납니다.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>원고 위치</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>색상</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>회색조</translation>
    </message>
    <message>
        <source>B/W</source>
        <comment>black and white</comment>
        <translation>흑백</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>해상도</translation>
    </message>
    <message>
        <source>150 dpi</source>
        <translation>150dpi</translation>
    </message>
    <message>
        <source>300 dpi</source>
        <translation>300dpi</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>파일 이름</translation>
    </message>
    <message>
        <source>%1.pdf</source>
        <translation>%1.pdf</translation>
    </message>
    <message>
        <source>Stop scanning</source>
        <translation>스캔 멈추기</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Send (%1)</source>
        <translation>보내기(%1)</translation>
    </message>
    <message>
        <source>Back to my jobs</source>
        <translation>내 작업으로 돌아가기</translation>
    </message>
    <message>
        <source>Discard and go back</source>
        <translation>버리고 돌아가기</translation>
    </message>
    <message>
        <source>File name (.pdf is added)</source>
        <translation>파일 이름(.pdf는 자동으로 붙습니다)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>StateReasonText</name>
    <message>
        <source>%1 has a paper jam. Your job is still held: print it at another printer, or try again once the jam is cleared.</source>
        <translation>%1 프린터에 용지가 걸렸습니다. 문서는 그대로 보관되니 다른 프린터에서 출력하거나, 걸린 용지를 제거한 뒤 다시 출력하세요.</translation>
    </message>
    <message>
        <source>%1 is out of paper. Your job is still held: print it at another printer, or try again once paper is loaded.</source>
        <translation>%1 프린터에 용지가 없습니다. 문서는 그대로 보관되니 다른 프린터에서 출력하거나, 용지를 넣은 뒤 다시 출력하세요.</translation>
    </message>
    <message>
        <source>%1 is out of toner. Your job is still held: print it at another printer, or try again once the toner is replaced.</source>
        <translation>%1 프린터에 토너가 없습니다. 문서는 그대로 보관되니 다른 프린터에서 출력하거나, 토너를 교체한 뒤 다시 출력하세요.</translation>
    </message>
    <message>
        <source>A cover of %1 is open. Your job is still held: close it and try again, or print it at another printer.</source>
        <translation>%1 프린터의 덮개가 열려 있습니다. 문서는 그대로 보관되니 덮개를 닫고 다시 출력하거나 다른 프린터에서 출력하세요.</translation>
    </message>
    <message>
        <source>A door or cover of %1 is open. Your job is still held: print it at another printer, or try again once it is closed.</source>
        <translation>%1 프린터의 문이나 덮개가 열려 있습니다. 작업은 계속 보류되어 있으니 다른 프린터에서 인쇄하거나, 닫은 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1 cannot be reached. Your job is still held: print it at another printer, or try again later.</source>
        <translation>%1 프린터에 연결할 수 없습니다. 문서는 그대로 보관되니 다른 프린터에서 출력하거나 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1 cannot print now. Your job is still held: print it at another printer, or try again later.</source>
        <translation>%1 프린터는 지금 출력할 수 없습니다. 문서는 그대로 보관되니 다른 프린터에서 출력하거나 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1 cannot print now (%2). Your job is still held: print it at another printer, or try again once the problem is fixed.</source>
        <translation>%1 프린터는 지금 출력할 수 없습니다(%2). 문서는 그대로 보관되니 다른 프린터에서 출력하거나, 문제가 해결된 뒤 다시 출력하세요.</translation>
    </message>
    <message>
        <source>%1 cannot print %2 documents. Your job is still held: print it at another printer.</source>
        <translation>%1 프린터는 %2 문서를 출력할 수 없습니다. 문서는 그대로 보관되니 다른 프린터에서 출력하세요.</translation>
    </message>
    <message>
        <source>The print server could not read this job&apos;s document. Send it again from your computer, or tell the print admin.</source>
        <translation>출력 서버에서 이 문서를 읽을 수 없습니다. 컴퓨터에서 문서를 다시 보내거나 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>The print server could not read this job&apos;s document. Print the document again, or tell the print admin.</source>
        <translation>인쇄 서버가 이 작업의 문서를 읽을 수 없습니다. 문서를 다시 인쇄하거나 인쇄 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>%1 stayed busy for too long. Your job is still held: try again in a moment, or print it at another printer.</source>
        <translation>%1 프린터가 너무 오랫동안 다른 작업을 처리하고 있었습니다. 문서는 그대로 보관되니 잠시 후 다시 시도하거나 다른 프린터에서 출력하세요.</translation>
    </message>
    <message>
        <source>%1 reported a problem (%2). Your job is still held: try again, or print it at another printer.</source>
        <translation>%1 프린터에서 문제가 발생했습니다(%2). 문서는 그대로 보관되니 다시 시도하거나 다른 프린터에서 출력하세요.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost while your job was printing, so it may have printed. Check the printer before you print it again.</source>
        <translation>출력 중에 %1 프린터와의 연결이 끊어져 이미 출력되었을 수도 있습니다. 다시 출력하기 전에 프린터를 확인하세요.</translation>
    </message>
    <message>
        <source>%1 stopped your job before it was finished. It is held again and was not charged: check the printer, then print it again.</source>
        <translation>%1 프린터가 출력을 끝내지 못하고 중단했습니다. 문서는 다시 보관되며 과금되지 않았습니다. 프린터를 확인한 뒤 다시 출력하세요.</translation>
    </message>
    <message>
        <source>Your job was canceled at %1. It is held again and was not charged: print it again whenever you need it.</source>
        <translation>%1 프린터에서 출력이 취소되었습니다. 문서는 다시 보관되며 과금되지 않았습니다. 필요할 때 다시 출력하세요.</translation>
    </message>
    <message>
        <source>The print server stopped while your job was being sent to the printer, so it may have printed. Check the printer before you print it again.</source>
        <translation>프린터로 문서를 보내는 중에 출력 서버가 중지되어 이미 출력되었을 수도 있습니다. 다시 출력하기 전에 프린터를 확인하세요.</translation>
    </message>
    <message>
        <source>The print server stopped while your job was being sent to %1, so it may have printed. Check the printer before you print it again.</source>
        <translation>%1 프린터로 문서를 보내는 중에 출력 서버가 중지되어 이미 출력되었을 수도 있습니다. 다시 출력하기 전에 프린터를 확인하세요.</translation>
    </message>
    <message>
        <source>Deleted by %1.</source>
        <translation>%1 님이 삭제했습니다.</translation>
    </message>
    <message>
        <source>Not printed within the hold time, so it was deleted. Send it again if you still need it.</source>
        <translation>보관 기간 안에 출력되지 않아 삭제되었습니다. 아직 필요하면 컴퓨터에서 다시 보내세요.</translation>
    </message>
    <message>
        <source>Not printed within the hold time, so it was deleted. Print the document again if you still need it.</source>
        <translation>보관 기간 안에 인쇄되지 않아 삭제되었습니다. 아직 필요하면 문서를 다시 인쇄하세요.</translation>
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
        <translation>띄어쓰기</translation>
    </message>
</context>
</TS>
