Attribute VB_Name = "GocKurul"
' Goc Kurulu buttons: each Sub runs the Python function of the same name in gockurul_excel.makro.
' The ribbon (customUI14.xml) calls these Subs through onAction. Kept ASCII: the VBA editor imports
' a module in the PC's ANSI code page, so non-ASCII letters would arrive garbled (labels live in the ribbon;
' the one message is built from ChrW codes).
' Every Sub checks ActiveWorkbook first: xlwings' RunPython walks ActiveWorkbook.Worksheets, which with no
' workbook open is run-time error 91 before Python starts.
Option Explicit

Sub KontrolEt(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.kontrol_et()"
End Sub

Sub TakvimiHesapla(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.takvimi_hesapla()"
End Sub

Sub Tutanak(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.tutanak()"
End Sub

Sub KatilimciListesi(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.katilimci_listesi()"
End Sub

Sub YillikRapor(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.yillik_rapor()"
End Sub

Sub GundemVeDavet(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.gundem_ve_davet()"
End Sub

Sub ToplantiDaveti(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.toplanti_daveti()"
End Sub

Sub IlMudurluguneGonder(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.il_mudurlugune_gonder()"
End Sub

Sub EylemPlani(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.eylem_plani()"
End Sub

Sub PlatformDosyalari(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.platform_dosyalari()"
End Sub

Sub IlceKitaplariniBirlestir(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.ilce_kitaplarini_birlestir()"
End Sub

Sub Pdf(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.pdf()"
End Sub

Sub YeniYilaDevret(Optional control As Variant)
    If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub
    RunPython "import gockurul_excel.makro as m; m.yeni_yila_devret()"
End Sub

Private Sub NoWorkbook()
    ' The Turkish sentence is addin.NO_WORKBOOK_MESSAGE (tests evaluate these codes against it).
    MsgBox ChrW(214) & "nce bir G" & ChrW(246) & ChrW(231) & " Kurulu kitab" & ChrW(305) & " a" & ChrW(231) & _
        ChrW(305) & "n: d" & ChrW(252) & ChrW(287) & "meler a" & ChrW(231) & ChrW(305) & "k olan kitap " & _
        ChrW(252) & "zerinde " & ChrW(231) & "al" & ChrW(305) & ChrW(351) & ChrW(305) & "r.", _
        vbExclamation, "G" & ChrW(246) & ChrW(231) & " Kurulu"
End Sub
